package dev.taskcheck.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the Mojo asks the isolated engine to do, carried across the class loader boundary as a map
 * of JDK types ({@link #toMap}, {@link #fromMap}): the same class is loaded on both sides.
 *
 * @param inputs files and directories, relative to {@code workingDirectory} or absolute
 * @param pom the POM the settings come from, to name it in error messages
 * @param suppressions the POM's suppressions, each with the keys rule, expression, file, reason,
 *     expires
 * @param log receives progress lines of long runs
 */
record RunRequest(
    List<String> inputs,
    String workingDirectory,
    String outputDirectory,
    String pom,
    String fhirVersion,
    String engine,
    String ruleSet,
    String failOn,
    List<String> formats,
    List<String> rules,
    @Nullable String config,
    @Nullable String suppressionsFile,
    List<Map<String, String>> suppressions,
    @Nullable String stateMachine,
    @Nullable String stuckAfter,
    boolean history,
    @Nullable String now,
    @Nullable Integer threads,
    List<String> igs,
    List<String> profiles,
    List<String> ruleFiles,
    List<String> advisorFiles,
    Consumer<String> log) {

  Map<String, Object> toMap() {
    Map<String, Object> m = new HashMap<>();
    m.put("inputs", List.copyOf(inputs));
    m.put("workingDirectory", workingDirectory);
    m.put("outputDirectory", outputDirectory);
    m.put("pom", pom);
    m.put("fhirVersion", fhirVersion);
    m.put("engine", engine);
    m.put("ruleSet", ruleSet);
    m.put("failOn", failOn);
    m.put("formats", List.copyOf(formats));
    m.put("rules", List.copyOf(rules));
    m.put("config", config);
    m.put("suppressionsFile", suppressionsFile);
    m.put("suppressions", List.copyOf(suppressions));
    m.put("stateMachine", stateMachine);
    m.put("stuckAfter", stuckAfter);
    m.put("history", history);
    m.put("now", now);
    m.put("threads", threads);
    m.put("igs", List.copyOf(igs));
    m.put("profiles", List.copyOf(profiles));
    m.put("ruleFiles", List.copyOf(ruleFiles));
    m.put("advisorFiles", List.copyOf(advisorFiles));
    m.put("log", log);
    return m;
  }

  @SuppressWarnings("unchecked")
  static RunRequest fromMap(Map<String, Object> m) {
    return new RunRequest(
        (List<String>) CarriedMap.required(m, "inputs"),
        (String) CarriedMap.required(m, "workingDirectory"),
        (String) CarriedMap.required(m, "outputDirectory"),
        (String) CarriedMap.required(m, "pom"),
        (String) CarriedMap.required(m, "fhirVersion"),
        (String) CarriedMap.required(m, "engine"),
        (String) CarriedMap.required(m, "ruleSet"),
        (String) CarriedMap.required(m, "failOn"),
        (List<String>) CarriedMap.required(m, "formats"),
        (List<String>) CarriedMap.required(m, "rules"),
        (String) m.get("config"),
        (String) m.get("suppressionsFile"),
        (List<Map<String, String>>) CarriedMap.required(m, "suppressions"),
        (String) m.get("stateMachine"),
        (String) m.get("stuckAfter"),
        (Boolean) CarriedMap.required(m, "history"),
        (String) m.get("now"),
        (Integer) m.get("threads"),
        (List<String>) CarriedMap.required(m, "igs"),
        (List<String>) CarriedMap.required(m, "profiles"),
        (List<String>) CarriedMap.required(m, "ruleFiles"),
        (List<String>) CarriedMap.required(m, "advisorFiles"),
        (Consumer<String>) CarriedMap.required(m, "log"));
  }
}
