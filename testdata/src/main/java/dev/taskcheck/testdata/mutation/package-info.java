/**
 * A seeded mutator of the real Task documents of testdata, for the differential test of the fast engine
 * against the reference engine. {@link dev.taskcheck.testdata.mutation.MutationCorpus} makes numbered
 * mutants (one mutation each) from {@link dev.taskcheck.testdata.mutation.Seeds}; a
 * {@link dev.taskcheck.testdata.mutation.Mutator} mutates one seed. JDK only, like the rest of the module.
 */
package dev.taskcheck.testdata.mutation;
