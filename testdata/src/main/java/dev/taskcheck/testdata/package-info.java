/**
 * The test data's code: the synthetic Task generator (a runnable jar) and the bad-input
 * expectations.
 */
@NullMarked
package dev.taskcheck.testdata;

import org.jspecify.annotations.NullMarked;
