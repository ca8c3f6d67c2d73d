@NullMarked
package dev.taskcheck.parse;

import org.jspecify.annotations.NullMarked;
