/**
 * Adapters for callers that hold HAPI FHIR model objects; the facade {@code dev.taskcheck} takes
 * FHIR text only.
 */
@NullMarked
package dev.taskcheck.hapi;

import org.jspecify.annotations.NullMarked;
