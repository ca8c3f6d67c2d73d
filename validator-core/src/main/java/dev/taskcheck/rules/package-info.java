@NullMarked
package dev.taskcheck.rules;

import org.jspecify.annotations.NullMarked;
