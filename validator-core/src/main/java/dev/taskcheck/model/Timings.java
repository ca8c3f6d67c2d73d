package dev.taskcheck.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How long a run took, measured by the run itself.
 *
 * @param elapsedMillis from the start of the run to its end
 * @param firstResultMillis from the start of the run to the first result, null when there was none
 * @param processFirstResultMillis from the start of the Java process to the first result (the
 *     cold-start figure a user waits for), null when there was none
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Timings(
    long elapsedMillis,
    @Nullable Long firstResultMillis,
    @Nullable Long processFirstResultMillis) {}
