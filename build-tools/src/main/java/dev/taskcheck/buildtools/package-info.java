/**
 * Build-time tools of TaskCheck (never shipped): {@link dev.taskcheck.buildtools.FhirPackages}
 * turns the differential StructureDefinitions under {@code profiles/src/main/fhir/<release>/} into
 * FHIR packages with snapshots, an {@code .index.json} and a {@code .tgz} per release.
 */
@NullMarked
package dev.taskcheck.buildtools;

import org.jspecify.annotations.NullMarked;
