@NullMarked
package dev.taskcheck.rules.hrex;

import org.jspecify.annotations.NullMarked;
