/**
 * A FHIRPath evaluator of TaskCheck's own (FHIRPath N1 with the FHIR additions and the R5-era
 * functions the core invariants use), over a typed tree the caller provides.
 *
 * <p>Compile an expression once with {@link dev.taskcheck.fhirpath.FhirPath}, evaluate it as often
 * as needed on {@link dev.taskcheck.fhirpath.FhirNode} trees; the caller implements the node
 * interface and the type model ({@link dev.taskcheck.fhirpath.FhirModel}) and supplies the
 * environment ({@link dev.taskcheck.fhirpath.Environment}: constants and the hooks for {@code
 * resolve()}, {@code memberOf()}, {@code conformsTo()}, {@code htmlChecks()} and {@code trace()}).
 * The package is a leaf: it uses nothing else of TaskCheck's and no HAPI class; unit conversion
 * goes through {@link dev.taskcheck.fhirpath.Units}, by default backed by the UCUM library.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@NullMarked
package dev.taskcheck.fhirpath;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
