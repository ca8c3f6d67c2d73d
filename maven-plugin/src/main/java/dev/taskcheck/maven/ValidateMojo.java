package dev.taskcheck.maven;

import dev.taskcheck.Issue;
import dev.taskcheck.Report;
import dev.taskcheck.Result;
import dev.taskcheck.Severity;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.ValidationRequest;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the FHIR Task payloads of a project. A first, small version: it validates the configured
 * directories and fails the build on findings at or above {@code failOn}. Report files, file sets, rule
 * sets and reactor-wide engine sharing come with the Maven plugin work.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

  /** Skip TaskCheck. */
  @Parameter(property = "taskcheck.skip", defaultValue = "false")
  private boolean skip;

  /** Directories or files to validate; by default src/main/fhir and src/test/fhir when they exist. */
  @Parameter(property = "taskcheck.inputs")
  private List<File> inputs;

  /** The base directory of the project. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  /** auto (default), R4, R4B or R5. */
  @Parameter(property = "taskcheck.fhirVersion", defaultValue = "auto")
  private String fhirVersion;

  /** Fail the build on findings at or above this severity: fatal, error (default), warning, information, none. */
  @Parameter(property = "taskcheck.failOn", defaultValue = "error")
  private String failOn;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("TaskCheck is skipped");
      return;
    }
    List<String> paths = new ArrayList<>();
    if (inputs == null || inputs.isEmpty()) {
      for (String d : List.of("src/main/fhir", "src/test/fhir")) {
        File f = new File(basedir, d);
        if (f.isDirectory()) {
          paths.add(f.getPath());
        }
      }
    } else {
      inputs.forEach(f -> paths.add(f.getPath()));
    }
    if (paths.isEmpty()) {
      getLog().warn("TaskCheck: no inputs found (src/main/fhir and src/test/fhir do not exist); nothing validated");
      return;
    }
    Severity threshold;
    TaskCheck taskCheck;
    try {
      threshold = failOn.equalsIgnoreCase("none") ? null : Severity.fromCode(failOn);
      taskCheck = TaskCheck.builder().fhirVersion(fhirVersion).build();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("TaskCheck configuration: " + e.getMessage(), e);
    }
    Report report = taskCheck.validate(ValidationRequest.builder().inputs(paths).build());
    List<String> shown = new ArrayList<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        String line = r.source() + ":" + (i.line() == null ? "-" : i.line()) + ":" + (i.column() == null ? "-" : i.column())
            + " " + i.ruleId() + " " + i.message();
        if (i.severity().isAtLeast(Severity.ERROR)) {
          getLog().error(line);
        } else if (i.severity() == Severity.WARNING) {
          getLog().warn(line);
        } else {
          getLog().info(line);
        }
        if (threshold != null && i.severity().isAtLeast(threshold) && shown.size() < 5) {
          shown.add(line);
        }
      }
    }
    var s = report.summary();
    String counts = s.resources() + " Tasks: " + s.fatal() + " fatal, " + s.error() + " errors, " + s.warning()
        + " warnings, " + s.information() + " information";
    getLog().info("TaskCheck: " + counts);
    if (threshold != null && report.hasIssuesAtLeast(threshold)) {
      throw new MojoFailureException("TaskCheck found problems at or above " + threshold.code() + " (" + counts + "):\n  "
          + String.join("\n  ", shown));
    }
  }
}
