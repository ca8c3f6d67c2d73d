package dev.taskcheck.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Validates the project's FHIR Task payloads, writes the reports, and fails the build when a
 * finding is at or above {@code failOn}.
 *
 * <p>The Mojo maps its parameters to a request, has the build's one engine ({@link Engines}) run
 * it, logs the findings and decides pass or fail. Findings at or above {@code failOn}: BUILD
 * FAILURE. A setup fault (a bad parameter, an unreadable configuration file, an unknown rule id):
 * BUILD ERROR saying what to fix. No inputs: a warning.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractTaskCheckMojo {

  /** How many findings a failure message lists. */
  static final int FIRST_FINDINGS = 5;

  /** How many findings the build log lists before pointing at the reports. */
  static final int LOGGED_FINDINGS = 100;

  /**
   * Fail the build on findings at or above this severity: {@code fatal}, {@code error} (default),
   * {@code warning}, {@code information} or {@code none}.
   */
  @Parameter(property = "taskcheck.failOn", defaultValue = "error")
  private String failOn = "error";

  /**
   * The reports to write into {@code outputDirectory}: {@code html} (taskcheck.html), {@code junit}
   * (TEST-taskcheck.xml), {@code sarif} (taskcheck.sarif), {@code json} (taskcheck.json), {@code
   * xml} (taskcheck.xml), {@code operationoutcome} (taskcheck.operationoutcome.json), {@code text}
   * (taskcheck.txt).
   */
  @Parameter(property = "taskcheck.formats", defaultValue = "html,junit,sarif,json")
  private List<String> formats = new ArrayList<>();

  /** Where the reports go. */
  @Parameter(
      property = "taskcheck.outputDirectory",
      defaultValue = "${project.build.directory}/taskcheck")
  private File outputDirectory;

  @Inject
  public ValidateMojo(Engines engines, IgArtifacts igArtifacts) {
    super(engines, igArtifacts);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("TaskCheck: skipped (taskcheck.skip)");
      return;
    }
    RunAnswer answer = run(outputDirectory, failOn, formats);
    if (answer != null) {
      report(answer);
    }
  }

  /**
   * Logs the findings and the summary; fails the build when a finding is at or above the fail
   * level.
   */
  private void report(RunAnswer a) throws MojoFailureException {
    Log log = getLog();
    int logged = 0;
    List<String> first = new ArrayList<>();
    for (List<String> f : a.findings()) {
      String severity = f.get(0);
      String message = oneLine(f.get(4));
      if (Boolean.parseBoolean(f.get(5)) && first.size() < FIRST_FINDINGS) {
        first.add(f.get(1) + " " + f.get(2) + " " + message);
      }
      if (logged >= LOGGED_FINDINGS) {
        continue;
      }
      String line =
          f.get(1)
              + " "
              + severity
              + " "
              + f.get(2)
              + " "
              + (f.get(3).isEmpty() ? "-" : f.get(3))
              + " "
              + message;
      switch (severity) {
        case "fatal", "error" -> log.error(line);
        case "warning" -> log.warn(line);
        default -> log.info(line);
      }
      logged++;
    }
    long total = a.count("fatal") + a.count("error") + a.count("warning") + a.count("information");
    if (total > logged) {
      log.info("TaskCheck: " + (total - logged) + " more finding(s) in the reports");
    }
    String summary = summary(a);
    log.info("TaskCheck: " + summary);
    String where = reportPath(a.reports());
    if (where != null) {
      log.info(
          "TaskCheck: reports in "
              + Path.of(where).getParent()
              + " ("
              + String.join(
                  ", ", a.reports().stream().map(r -> Path.of(r).getFileName().toString()).toList())
              + ")");
    }
    if (a.failing() > 0) {
      StringBuilder m = new StringBuilder();
      m.append("TaskCheck found ")
          .append(a.failing())
          .append(a.failing() == 1 ? " finding" : " findings")
          .append(" at or above ")
          .append(failOn.trim().toLowerCase(Locale.ROOT))
          .append(" (")
          .append(summary)
          .append(")");
      if (!first.isEmpty()) {
        m.append("; first:");
        for (String f : first) {
          m.append("\n  ").append(f);
        }
      }
      m.append("\nReport: ")
          .append(where == null ? "add html to <formats> for a readable report" : where);
      m.append(
          "\nFix the payloads, or change a rule's severity (<rules>), suppress a finding with a reason"
              + " (<suppressions>) or raise failOn.");
      throw new MojoFailureException(m.toString());
    }
  }

  private static String summary(RunAnswer a) {
    String s =
        count(a.resources(), "Task", "Tasks")
            + " in "
            + count(a.inputs(), "file", "files")
            + ": "
            + a.count("fatal")
            + " fatal, "
            + count(a.count("error"), "error", "errors")
            + ", "
            + count(a.count("warning"), "warning", "warnings")
            + ", "
            + a.count("information")
            + " information";
    return a.count("suppressed") > 0 ? s + ", " + a.count("suppressed") + " suppressed" : s;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The report a person should open: the HTML one, else the first written. */
  private static @Nullable String reportPath(List<String> reports) {
    for (String r : reports) {
      if (r.endsWith(".html")) {
        return r;
      }
    }
    return reports.isEmpty() ? null : reports.get(0);
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
