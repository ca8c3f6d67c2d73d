package dev.taskcheck.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the files of file sets, the way Maven's own file sets select them: patterns relative to the
 * set's directory, {@code **} any number of directories, {@code *} any run of characters within one
 * name, {@code ?} one character, {@code /} or {@code \} as separator. A pattern ending in {@code /}
 * means everything below that directory. Files come in sorted order, each once.
 */
final class InputScanner {

  private final Path basedir;

  /**
   * @param basedir the project's base directory: relative directories and reported paths are
   *     relative to it
   */
  InputScanner(Path basedir) {
    this.basedir = basedir.toAbsolutePath().normalize();
  }

  /** What the file sets select, as paths relative to the base directory when they are below it. */
  Result scan(List<FileSet> sets, List<String> defaultIncludes, List<String> excludes) {
    Set<String> files = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (FileSet set : sets) {
      File dir = set.getDirectory();
      if (dir == null) {
        throw new IllegalArgumentException("a fileSet has no <directory>");
      }
      Path root = basedir.resolve(dir.toPath()).normalize();
      if (!Files.isDirectory(root)) {
        missing.add(display(root));
        continue;
      }
      List<String> includes = set.getIncludes().isEmpty() ? defaultIncludes : set.getIncludes();
      List<String> allExcludes = new ArrayList<>(set.getExcludes());
      allExcludes.addAll(excludes);
      files.addAll(select(root, matchers(includes), matchers(allExcludes)));
    }
    return new Result(List.copyOf(files), List.copyOf(missing));
  }

  /**
   * @param files the selected files, relative to the base directory when below it, with {@code /}
   * @param missingDirectories file set directories that do not exist
   */
  record Result(List<String> files, List<String> missingDirectories) {}

  private List<String> select(Path root, List<PathMatcher> includes, List<PathMatcher> excludes) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .sorted()
          .forEach(
              p -> {
                Path relative = root.relativize(p);
                if (matchesAny(includes, relative) && !matchesAny(excludes, relative)) {
                  out.add(display(p));
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot list " + display(root) + ": " + e.getMessage(), e);
    }
    return out;
  }

  private String display(Path p) {
    Path n = p.toAbsolutePath().normalize();
    return (n.startsWith(basedir) ? basedir.relativize(n) : n)
        .toString()
        .replace(File.separatorChar, '/');
  }

  private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
    for (PathMatcher m : matchers) {
      if (m.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> patterns) {
    FileSystem fs = FileSystems.getDefault();
    List<PathMatcher> out = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw.trim().replace('\\', '/');
      if (p.isEmpty()) {
        continue;
      }
      if (p.endsWith("/")) {
        p = p + "**";
      }
      for (String variant : zeroDirectoryForms(p)) {
        out.add(fs.getPathMatcher("glob:" + variant));
      }
    }
    return out;
  }

  /**
   * The pattern and its forms where a {@code **}{@code /} matches no directory at all: in Maven's
   * file sets {@code **}{@code /*.json} selects {@code a.json} as well as {@code x/a.json}; a Java
   * glob does not.
   */
  static Set<String> zeroDirectoryForms(String pattern) {
    Set<String> forms = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(pattern));
    while (!queue.isEmpty()) {
      String p = queue.remove(queue.size() - 1);
      if (!forms.add(p)) {
        continue;
      }
      for (int i = p.indexOf("**/"); i >= 0; i = p.indexOf("**/", i + 1)) {
        if (i == 0 || p.charAt(i - 1) == '/') {
          queue.add(p.substring(0, i) + p.substring(i + 3));
        }
      }
    }
    return forms;
  }
}
