package dev.taskcheck;

import java.util.Objects;

/**
 * A finding a suppression removed from the results, kept so reports can list what was suppressed and why.
 *
 * @param issue the finding as it would have been reported
 * @param reason the suppression's reason
 * @param suppression where the suppression was declared ({@code suppressions.json:12})
 */
public record SuppressedIssue(Issue issue, String reason, String suppression) {

  public SuppressedIssue {
    Objects.requireNonNull(issue);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(suppression);
  }
}
