@NullMarked
package dev.taskcheck.source;

import org.jspecify.annotations.NullMarked;
