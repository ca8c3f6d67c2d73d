package dev.taskcheck.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the FHIR Task payloads of a project and fails the build on findings at or above
 * {@code failOn}. A first version: report files, file sets, rule sets and one engine per reactor come with
 * the Maven plugin work.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

  private static final List<String> LEVELS = List.of("fatal", "error", "warning", "information");

  /** Skip TaskCheck. */
  @Parameter(property = "taskcheck.skip", defaultValue = "false")
  private boolean skip;

  /** Directories or files to validate; by default src/main/fhir and src/test/fhir when they exist. */
  @Parameter(property = "taskcheck.inputs")
  private List<File> inputs;

  /** This plugin, to find its own jars. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

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
    String threshold = failOn.trim().toLowerCase(Locale.ROOT);
    if (!threshold.equals("none") && !LEVELS.contains(threshold)) {
      throw new MojoExecutionException("TaskCheck: failOn is '" + failOn
          + "'; use fatal, error, warning, information or none");
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
    Map<String, Object> answer;
    try {
      Function<Map<String, Object>, Map<String, Object>> engine = EngineLoader.load(plugin);
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("inputs", paths);
      request.put("fhirVersion", fhirVersion);
      answer = engine.apply(request);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new MojoExecutionException("TaskCheck could not run: " + e.getMessage(), e);
    }
    @SuppressWarnings("unchecked")
    List<List<String>> findings = (List<List<String>>) answer.get("findings");
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) answer.get("counts");
    int limit = threshold.equals("none") ? -1 : LEVELS.indexOf(threshold);
    List<String> failing = new ArrayList<>();
    for (List<String> f : findings) {
      int level = LEVELS.indexOf(f.get(0));
      String line = f.get(0) + " " + f.get(1);
      if (level <= 1) {
        getLog().error(line);
      } else if (level == 2) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
      if (level <= limit) {
        failing.add(f.get(1));
      }
    }
    String summary = answer.get("resources") + " Tasks: " + counts.get("fatal") + " fatal, " + counts.get("error")
        + " errors, " + counts.get("warning") + " warnings, " + counts.get("information") + " information";
    getLog().info("TaskCheck: " + summary);
    if (!failing.isEmpty()) {
      throw new MojoFailureException("TaskCheck found " + failing.size() + " finding(s) at or above " + threshold
          + " (" + summary + "), first:\n  " + String.join("\n  ", failing.subList(0, Math.min(5, failing.size()))));
    }
  }
}
