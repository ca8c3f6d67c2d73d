@NullMarked
package dev.taskcheck;

import org.jspecify.annotations.NullMarked;
