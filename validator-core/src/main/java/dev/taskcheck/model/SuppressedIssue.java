package dev.taskcheck.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A finding a suppression removed from the results, kept so reports can list what was suppressed
 * and why.
 *
 * @param issue the finding as it would have been reported
 * @param reason the suppression's reason
 * @param suppression where the suppression was declared ({@code suppressions.json:12})
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SuppressedIssue(Issue issue, String reason, String suppression) {

  public SuppressedIssue {
    Objects.requireNonNull(issue);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(suppression);
  }
}
