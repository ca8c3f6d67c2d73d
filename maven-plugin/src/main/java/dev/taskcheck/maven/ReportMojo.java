package dev.taskcheck.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Puts the HTML conformance report into the Maven site: listed under "Project Reports" as
 * "TaskCheck", the page {@code taskcheck.html}. The report is an external one (like Javadoc's): the
 * self-contained page the {@code html} format writes, not a page in the site's skin, so it reads
 * the same in the site, in CI artifacts and from {@code mvn taskcheck:validate}. Findings never
 * fail the site build.
 *
 * <p>Declare it under {@code <reporting><plugins>}; {@code mvn taskcheck:report} alone writes the
 * page to the site's output directory as well.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractTaskCheckMojo implements MavenReport {

  /**
   * The page's name in the site, without {@code .html}: the name the {@code html} format writes.
   */
  static final String OUTPUT_NAME = "taskcheck";

  /** Where the page goes when the goal runs on its own; the site plugin sets its own directory. */
  @Parameter(
      defaultValue = "${project.reporting.outputDirectory}",
      readonly = true,
      required = true)
  private File reportOutputDirectory;

  @Inject
  public ReportMojo(Engines engines, IgArtifacts igArtifacts) {
    super(engines, igArtifacts);
  }

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("TaskCheck: skipped (taskcheck.skip)");
      return;
    }
    write();
  }

  private void write() throws MojoExecutionException {
    RunAnswer answer = run(reportOutputDirectory, "none", List.of("html"));
    if (answer != null) {
      getLog()
          .info(
              "TaskCheck: "
                  + answer.resources()
                  + " Tasks in "
                  + answer.inputs()
                  + " files; report "
                  + answer.reports().get(0));
    }
  }

  /**
   * Called by the site plugin: writes the page into the site (the sink is not used by an external
   * report).
   */
  @Override
  public void generate(Sink sink, Locale locale) throws MavenReportException {
    try {
      write();
    } catch (MojoExecutionException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
  }

  @Override
  public String getOutputPath() {
    return OUTPUT_NAME;
  }

  /** The same as {@link #getOutputPath()}, for site plugins that still ask for it. */
  @Deprecated
  @Override
  public String getOutputName() {
    return OUTPUT_NAME;
  }

  @Override
  public String getCategoryName() {
    return CATEGORY_PROJECT_REPORTS;
  }

  @Override
  public String getName(Locale locale) {
    return "TaskCheck";
  }

  @Override
  public String getDescription(Locale locale) {
    return "Conformance of the project's FHIR Task payloads: base specification, profiles and Task rules.";
  }

  @Override
  public void setReportOutputDirectory(File directory) {
    this.reportOutputDirectory = directory;
  }

  @Override
  public File getReportOutputDirectory() {
    return reportOutputDirectory;
  }

  @Override
  public boolean isExternalReport() {
    return true;
  }

  /** Only when the project has payloads to validate (and TaskCheck is not skipped). */
  @Override
  public boolean canGenerateReport() {
    if (skip) {
      return false;
    }
    try {
      return !selectInputs().isEmpty();
    } catch (MojoExecutionException e) {
      return true; // the run reports the fault
    }
  }
}
