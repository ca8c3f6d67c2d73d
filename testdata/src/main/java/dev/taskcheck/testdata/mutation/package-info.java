/**
 * A seeded mutator of the real Task documents of testdata, for the differential test of the fast
 * engine against the reference engine. {@link dev.taskcheck.testdata.mutation.MutationCorpus} makes
 * numbered mutants (one mutation each) from {@link dev.taskcheck.testdata.mutation.Seeds}; a {@link
 * dev.taskcheck.testdata.mutation.Mutator} mutates one seed. JDK only, like the rest of the module.
 *
 * <p>The one package NullAway does not check yet ({@code @NullUnmarked}): it walks loosely typed
 * JSON maps, where absent members are nulls, and annotating it is open work (CHANGELOG, 0.2.0).
 */
@NullUnmarked
package dev.taskcheck.testdata.mutation;

import org.jspecify.annotations.NullUnmarked;
