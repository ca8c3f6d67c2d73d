@NullMarked
package dev.taskcheck.fhir;

import org.jspecify.annotations.NullMarked;
