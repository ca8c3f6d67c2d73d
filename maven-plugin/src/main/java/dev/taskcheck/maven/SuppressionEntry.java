package dev.taskcheck.maven;

import org.jspecify.annotations.Nullable;

/**
 * One suppression declared in the POM, as in a suppressions file:
 *
 * <pre>{@code
 * <suppression>
 *   <rule>status-1</rule>
 *   <expression>Bundle.entry[*].resource</expression>
 *   <file>legacy/**</file>            <!-- optional -->
 *   <reason>owners are assigned downstream</reason>
 *   <expires>2027-03-31</expires>     <!-- optional -->
 * </suppression>
 * }</pre>
 */
public class SuppressionEntry {

  private @Nullable String rule;
  private @Nullable String expression;
  private @Nullable String file;
  private @Nullable String reason;
  private @Nullable String expires;

  public @Nullable String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public @Nullable String getExpression() {
    return expression;
  }

  public void setExpression(String expression) {
    this.expression = expression;
  }

  public @Nullable String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  public @Nullable String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public @Nullable String getExpires() {
    return expires;
  }

  public void setExpires(String expires) {
    this.expires = expires;
  }
}
