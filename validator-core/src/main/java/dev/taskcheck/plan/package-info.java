/**
 * The fast engine's validation plan: what the StructureDefinition snapshots, ValueSets and
 * CodeSystems of a FHIR release say, compiled into a compact form ({@link dev.taskcheck.plan.Plan})
 * that loads in milliseconds. The {@link dev.taskcheck.plan.PlanCompiler} builds it from
 * conformance resources read with TaskCheck's own parser (at build time for the core definitions
 * and TaskCheck's profiles; at load time for users' packages); {@link dev.taskcheck.plan.PlanCodec}
 * writes and reads it. No HAPI or HL7 class is involved.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
@NullMarked
package dev.taskcheck.plan;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
