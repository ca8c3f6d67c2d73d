/** The TaskCheck Maven plugin: thin Mojos over the TaskCheck library. */
@NullMarked
package dev.taskcheck.maven;

import org.jspecify.annotations.NullMarked;
