@NullMarked
package dev.taskcheck.engine;

import org.jspecify.annotations.NullMarked;
