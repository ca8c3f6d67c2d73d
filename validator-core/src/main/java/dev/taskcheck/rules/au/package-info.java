@NullMarked
package dev.taskcheck.rules.au;

import org.jspecify.annotations.NullMarked;
