@NullMarked
package dev.taskcheck.report;

import org.jspecify.annotations.NullMarked;
