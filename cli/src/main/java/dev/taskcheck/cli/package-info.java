/** The {@code taskcheck} command line: a thin layer over the {@code dev.taskcheck} facade. */
@NullMarked
package dev.taskcheck.cli;

import org.jspecify.annotations.NullMarked;
