@NullMarked
package dev.taskcheck.rules.cow;

import org.jspecify.annotations.NullMarked;
