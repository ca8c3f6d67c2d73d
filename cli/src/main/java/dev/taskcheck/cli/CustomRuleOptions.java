package dev.taskcheck.cli;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.TaskCheckException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --rules} and {@code --plugin-path}: the user's own rules, for {@code validate}, {@code
 * diff} and {@code rules}.
 */
final class CustomRuleOptions {

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "A FHIRPath rule file, YAML or JSON (repeatable): rules with an id of your own prefix, a"
              + " severity, an expression that must hold, an optional where, a message."
              + " See docs/custom-rules.md.")
  private List<Path> ruleFiles = new ArrayList<>();

  @Option(
      names = "--plugin-path",
      paramLabel = "DIR",
      description =
          "A folder of rule plug-in jars (or one jar) whose rules, declared in"
              + " META-INF/services/dev.taskcheck.rules.Rule, join the catalog (repeatable).")
  private List<Path> pluginPaths = new ArrayList<>();

  /** True when no custom rule was asked for. */
  boolean isEmpty() {
    return ruleFiles.isEmpty() && pluginPaths.isEmpty();
  }

  /** Adds the rule files and a class loader over the plug-in jars to the builder. */
  void applyTo(TaskCheck.Builder builder) {
    ruleFiles.forEach(builder::ruleFile);
    if (!pluginPaths.isEmpty()) {
      builder.pluginLoader(loader());
    }
  }

  /**
   * The option a setup error of {@link TaskCheck.Builder#build()} is about, or null when it is
   * about neither: a rule file's errors start with its name, a plug-in's name the plug-in.
   */
  @Nullable String optionOf(String message) {
    for (Path f : ruleFiles) {
      if (message.startsWith(f.toString() + ":")) {
        return "--rules";
      }
    }
    return !pluginPaths.isEmpty() && message.contains("plug-in") ? "--plugin-path" : null;
  }

  private ClassLoader loader() {
    List<URL> urls = new ArrayList<>();
    for (Path p : pluginPaths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.list(p)) {
          for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
            urls.add(url(jar));
          }
        } catch (IOException e) {
          throw new TaskCheckException("--plugin-path " + p + ": cannot list the folder", e);
        }
      } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
        urls.add(url(p));
      } else {
        throw new TaskCheckException(
            "--plugin-path " + p + ": no such folder or jar (give a folder of plug-in jars)");
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), CustomRuleOptions.class.getClassLoader());
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new TaskCheckException("--plugin-path " + jar + ": not a file", e);
    }
  }
}
