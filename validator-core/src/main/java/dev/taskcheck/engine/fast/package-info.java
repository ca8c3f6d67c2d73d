/**
 * The fast structure engine: validates a document from the {@link dev.taskcheck.plan.Plan} compiled
 * from the StructureDefinition snapshots, over TaskCheck's own parse tree, reporting what the
 * reference engine reports (see docs/engines/reference-behaviour.md) in its own words. What it does
 * not cover goes to the reference engine.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
@NullMarked
package dev.taskcheck.engine.fast;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
