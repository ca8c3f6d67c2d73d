/**
 * Task payload tests in JUnit 5: {@link dev.taskcheck.junit.TaskCheckAssertions} for fluent
 * assertions, {@link dev.taskcheck.junit.TaskChecker#payloadTests} for a folder of payloads as
 * dynamic tests, and {@link dev.taskcheck.junit.TaskCheckTest} for one configured checker per test
 * run. See docs/junit.md.
 */
@NullMarked
package dev.taskcheck.junit;

import org.jspecify.annotations.NullMarked;
