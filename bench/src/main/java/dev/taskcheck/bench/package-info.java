/**
 * Benchmarks of TaskCheck, run by the scripts in {@code bench/}; not part of any shipped artifact.
 */
@NullMarked
package dev.taskcheck.bench;

import org.jspecify.annotations.NullMarked;
