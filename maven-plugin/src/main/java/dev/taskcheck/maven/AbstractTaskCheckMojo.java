package dev.taskcheck.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.jspecify.annotations.Nullable;

/**
 * The parameters and the run shared by the {@code validate} and {@code report} goals: which files,
 * which rules, and how the build's one engine ({@link Engines}) is asked to validate them.
 */
abstract class AbstractTaskCheckMojo extends AbstractMojo {

  /** Default file patterns: every JSON, XML and NDJSON file. */
  static final String DEFAULT_INCLUDES = "**/*.json,**/*.xml,**/*.ndjson";

  /** Skip TaskCheck. */
  @Parameter(property = "taskcheck.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * The payloads to validate, as file sets (directory, includes, excludes). Default: {@code
   * src/main/fhir} and {@code src/test/fhir}, when they exist.
   */
  @Parameter private List<FileSet> fileSets = new ArrayList<>();

  /**
   * Files or directories to validate instead of the file sets, comma-separated on the command line
   * ({@code -Dtaskcheck.inputs=payloads,extra/task.json}); directories are filtered by {@code
   * includes} and {@code excludes}.
   */
  @Parameter(property = "taskcheck.inputs")
  private List<File> inputs = new ArrayList<>();

  /** The file patterns of a file set without its own includes, and of the default directories. */
  @Parameter(property = "taskcheck.includes", defaultValue = DEFAULT_INCLUDES)
  private List<String> includes = new ArrayList<>();

  /** File patterns left out of every file set. */
  @Parameter(property = "taskcheck.excludes")
  private List<String> excludes = new ArrayList<>();

  /**
   * The FHIR version: {@code auto} (per document, the default), {@code 1.4.0}, {@code STU3}, {@code
   * R4}, {@code R4B} or {@code R5}.
   */
  @Parameter(property = "taskcheck.fhirVersion", defaultValue = "auto")
  private String fhirVersion = "auto";

  /**
   * The structure engine: {@code auto} (the default: fast where it covers the document, reference
   * elsewhere), {@code fast} (a document it does not cover gets a warning) or {@code reference}
   * (the HL7 instance validator).
   */
  @Parameter(property = "taskcheck.engine", defaultValue = "auto")
  private String engine = "auto";

  /**
   * The rule set: {@code core}, {@code recommended} (default), {@code strict}, or an implementation
   * guide's set ({@code cow}, {@code hrex}, {@code au-erequesting}).
   */
  @Parameter(property = "taskcheck.ruleSet", defaultValue = "recommended")
  private String ruleSet = "recommended";

  /**
   * Per-rule severities, each {@code rule-id=off|information|warning|error}: {@code
   * <rules><rule>status-8=off</rule></rules>}, or {@code
   * -Dtaskcheck.rules=status-8=off,date-1=warning}.
   */
  @Parameter(property = "taskcheck.rules")
  private List<String> rules = new ArrayList<>();

  /**
   * Suppressions, each a rule id, a FHIRPath expression pattern, an optional file pattern and a
   * reason.
   */
  @Parameter private List<SuppressionEntry> suppressions = new ArrayList<>();

  /** A suppressions file ({@code {"suppressions": [...]}}, see docs/configuration.md). */
  @Parameter(property = "taskcheck.suppressionsFile")
  private @Nullable File suppressionsFile;

  /** A rule configuration file (JSON, see docs/configuration.md). */
  @Parameter(property = "taskcheck.config")
  private @Nullable File config;

  /** A state machine table replacing the rule set's built-in one (see docs/state-machines.md). */
  @Parameter(property = "taskcheck.stateMachine")
  private @Nullable File stateMachine;

  /**
   * Report Tasks not in a terminal status whose latest version is older than this ({@code 7d},
   * {@code 12h}, {@code P7D}; transition-15) and list them in the lifecycle metrics. Off by
   * default.
   */
  @Parameter(property = "taskcheck.stuckAfter")
  private @Nullable String stuckAfter;

  /**
   * Group the Tasks of all inputs into histories by id and check the transitions between versions.
   */
  @Parameter(property = "taskcheck.history", defaultValue = "false")
  private boolean history;

  /** The clock for time-relative rules ({@code 2026-11-21T10:00:00Z} or a date); default: now. */
  @Parameter(property = "taskcheck.now")
  private @Nullable String now;

  /** Worker threads; default: all cores. */
  @Parameter(property = "taskcheck.threads")
  private @Nullable Integer threads;

  /**
   * IG packages to check Tasks against: a package {@code .tgz} or folder (relative to the project),
   * {@code id#version} from the local FHIR package cache ({@code FHIR_PACKAGE_CACHE} or {@code
   * ~/.fhir/packages}), or the Maven coordinates of an artifact that holds a package ({@code
   * groupId:artifactId[:extension[:classifier]]:version}, e.g. {@code org.example:my-ig:tgz:1.0.0};
   * the extension defaults to {@code jar}), resolved by Maven like any dependency. TaskCheck itself
   * never downloads packages. See docs/profiles-and-igs.md.
   */
  @Parameter(property = "taskcheck.igs")
  private List<String> igs = new ArrayList<>();

  /** Profiles (canonical URLs) every Task is checked against, claimed or not. */
  @Parameter(property = "taskcheck.profiles")
  private List<String> profiles = new ArrayList<>();

  /**
   * FHIRPath rule files (YAML or JSON) whose rules join the catalog; see docs/custom-rules.md. Java
   * rule plug-ins are added as the plugin's own {@code <dependencies>}.
   */
  @Parameter(property = "taskcheck.ruleFiles")
  private List<File> ruleFiles = new ArrayList<>();

  /**
   * HL7 validator advisor files (JSON or text, as the HL7 validator reads them) whose rules
   * suppress structure findings.
   */
  @Parameter(property = "taskcheck.advisorFiles")
  private List<File> advisorFiles = new ArrayList<>();

  /** This plugin, to find its own jars. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /** Maven's repository session, to resolve {@code <igs>} given as coordinates. */
  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  /** The project's repositories, to resolve {@code <igs>} given as coordinates. */
  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  private List<RemoteRepository> remoteRepositories = new ArrayList<>();

  /** The base directory of the project. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  /** The project's POM, named in configuration errors. */
  @Parameter(defaultValue = "${project.file}", readonly = true)
  private @Nullable File pom;

  private final Engines engines;
  private final IgArtifacts igArtifacts;

  AbstractTaskCheckMojo(Engines engines, IgArtifacts igArtifacts) {
    this.engines = engines;
    this.igArtifacts = igArtifacts;
  }

  /**
   * Validates the selected files into the reports of {@code formats} in {@code outputDirectory}.
   *
   * @return the answer, null when there were no inputs (a warning was logged)
   * @throws MojoExecutionException for a setup fault, naming what to fix
   */
  final @Nullable RunAnswer run(File outputDirectory, String failOn, List<String> formats)
      throws MojoExecutionException {
    List<String> files = selectInputs();
    if (files.isEmpty()) {
      return null;
    }
    List<String> packages =
        igArtifacts.resolve(patterns(igs), repositorySession, remoteRepositories, getLog());
    Function<Map<String, Object>, Map<String, Object>> engine;
    try {
      engine = engines.get(plugin, getLog());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new MojoExecutionException("TaskCheck could not start its engine: " + e, e);
    }
    RunAnswer answer;
    try {
      answer =
          RunAnswer.fromMap(
              engine.apply(request(files, packages, outputDirectory, failOn, formats).toMap()));
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "TaskCheck failed while validating: "
              + e
              + " (please report this with the build log run with -e)",
          e);
    }
    if (answer.setupError() != null) {
      throw new MojoExecutionException(
          "TaskCheck: "
              + answer.setupError()
              + " (the plugin's configuration in "
              + (pom == null ? "the POM" : pom.getPath())
              + ")");
    }
    return answer;
  }

  /** The files to validate; empty (with a warning) when there are none. */
  final List<String> selectInputs() throws MojoExecutionException {
    Path base = basedir.toPath();
    List<FileSet> sets = new ArrayList<>();
    List<String> single = new ArrayList<>();
    if (!inputs.isEmpty()) {
      for (File f : inputs) {
        Path p = base.resolve(f.toPath()).normalize();
        if (Files.isDirectory(p)) {
          sets.add(new FileSet(p.toFile()));
        } else if (Files.isRegularFile(p)) {
          single.add(
              base.relativize(p.toAbsolutePath()).toString().replace(File.separatorChar, '/'));
        } else {
          throw new MojoExecutionException(
              "TaskCheck: the input " + f + " (taskcheck.inputs) does not exist");
        }
      }
    } else if (!fileSets.isEmpty()) {
      sets.addAll(fileSets);
    } else {
      for (String d : List.of("src/main/fhir", "src/test/fhir")) {
        if (Files.isDirectory(base.resolve(d))) {
          sets.add(new FileSet(new File(d)));
        }
      }
      if (sets.isEmpty()) {
        getLog()
            .warn(
                "TaskCheck: no inputs: src/main/fhir and src/test/fhir do not exist and no <fileSets> are"
                    + " configured; nothing was validated");
        return List.of();
      }
    }
    InputScanner.Result scanned;
    try {
      scanned = new InputScanner(base).scan(sets, patterns(includes), patterns(excludes));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("TaskCheck: " + e.getMessage(), e);
    }
    for (String missing : scanned.missingDirectories()) {
      getLog().warn("TaskCheck: the file set directory " + missing + " does not exist");
    }
    List<String> all = new ArrayList<>(single);
    all.addAll(scanned.files());
    if (all.isEmpty()) {
      getLog()
          .warn(
              "TaskCheck: no inputs: the file sets select no files (includes "
                  + patterns(includes)
                  + "); nothing was validated");
    }
    return all;
  }

  /** Patterns from the POM or a comma-separated property, trimmed, blanks dropped. */
  static List<String> patterns(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      for (String p : r.split(",", -1)) {
        if (!p.isBlank()) {
          out.add(p.trim());
        }
      }
    }
    return out;
  }

  private RunRequest request(
      List<String> files,
      List<String> packages,
      File outputDirectory,
      String failOn,
      List<String> formats) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (SuppressionEntry s : suppressions) {
      Map<String, String> m = new HashMap<>();
      m.put("rule", s.getRule());
      m.put("expression", s.getExpression());
      m.put("file", s.getFile());
      m.put("reason", s.getReason());
      m.put("expires", s.getExpires());
      entries.add(m);
    }
    Log log = getLog();
    return new RunRequest(
        files,
        basedir.getAbsolutePath(),
        outputDirectory.getAbsolutePath(),
        pom == null ? "pom.xml" : pom.getName(),
        fhirVersion,
        engine,
        ruleSet,
        failOn,
        patterns(formats),
        patterns(rules),
        path(config),
        path(suppressionsFile),
        entries,
        path(stateMachine),
        stuckAfter,
        history,
        now,
        threads,
        packages,
        patterns(profiles),
        ruleFiles.stream().map(File::getPath).toList(),
        advisorFiles.stream().map(File::getPath).toList(),
        line -> log.info("TaskCheck: " + line));
  }

  private static @Nullable String path(@Nullable File f) {
    return f == null ? null : f.getAbsolutePath();
  }
}
