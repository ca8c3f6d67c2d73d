package dev.taskcheck.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Turns the user's arguments into a lazy, ordered sequence of inputs: a file, standard input, or a
 * problem. Directories are walked depth-first in name order, one directory listing in memory at a
 * time.
 */
final class InputExpander {

  /** One input: a file ({@code path}), standard input (no path, no problem), or a problem. */
  record Entry(String display, @Nullable Path path, @Nullable SourceProblem problem) {}

  /** An argument that cannot be read, with what is wrong and the FHIR issue type. */
  private static Entry problem(String argument, String message, String issueType) {
    return new Entry(argument, null, new SourceProblem(argument, null, message, issueType));
  }

  /** File name endings read from a directory; a file named explicitly is read whatever its name. */
  private static final List<String> DIRECTORY_EXTENSIONS =
      List.of(".json", ".xml", ".ndjson", ".jsonl");

  private final Iterator<String> arguments;
  private final Path workingDirectory;
  private final Deque<Walk> walks = new ArrayDeque<>();
  private boolean stdinUsed;

  /**
   * A directory being walked: its remaining entries, and the filter for files (null: every data
   * file).
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // emitted is a counter shared by the walk, never compared
  private record Walk(
      String display,
      Iterator<Path> entries,
      Path root,
      String rootDisplay,
      @Nullable PathMatcher matcher,
      int[] emitted,
      boolean isRoot,
      @Nullable Path real) {}

  /**
   * The real paths of the directories walked so far: a symbolic link to one of them is not walked
   * again (a loop, or a second way to the same files). One path per directory, never per file.
   */
  private final Set<Path> walked = new HashSet<>();

  InputExpander(List<String> arguments, Path workingDirectory) {
    this.arguments = List.copyOf(arguments).iterator();
    this.workingDirectory = workingDirectory;
  }

  @Nullable Entry next() throws IOException {
    while (true) {
      Entry fromWalk = nextFromWalks();
      if (fromWalk != null) {
        return fromWalk;
      }
      if (!arguments.hasNext()) {
        return null;
      }
      Entry e = expand(arguments.next());
      if (e != null) {
        return e;
      }
    }
  }

  private @Nullable Entry expand(String argument) throws IOException {
    if (argument.equals("-")) {
      if (stdinUsed) {
        return problem("-", "standard input can be read only once", "invalid");
      }
      stdinUsed = true;
      return new Entry("-", null, null);
    }
    Path path = workingDirectory.resolve(argument);
    if (Files.isDirectory(path)) {
      try {
        startWalk(argument, path, argument, path, null, new int[1], true);
      } catch (IOException e) {
        return problem(
            argument, "cannot read the directory: " + Sources.describe(e), Sources.issueType(e));
      }
      return null;
    }
    if (Files.isSymbolicLink(path)) {
      return problem(
          argument, "a symbolic link whose target does not exist (dangling link)", "not-found");
    }
    if (Files.exists(path)) {
      if (!Files.isRegularFile(path)) {
        return problem(
            argument, "cannot read: not a regular file (a device, socket or pipe)", "exception");
      }
      return new Entry(argument, path, null);
    }
    if (isGlob(argument)) {
      return startGlob(argument);
    }
    return problem(argument, "no such file or directory", "not-found");
  }

  private static boolean isGlob(String argument) {
    return argument.indexOf('*') >= 0
        || argument.indexOf('?') >= 0
        || argument.indexOf('[') >= 0
        || argument.indexOf('{') >= 0;
  }

  /**
   * Walks the longest directory prefix without glob characters and keeps files matching the
   * pattern.
   */
  private @Nullable Entry startGlob(String argument) throws IOException {
    String normalised = argument.replace('\\', '/');
    int firstMeta = firstGlobChar(normalised);
    int slash = normalised.lastIndexOf('/', firstMeta);
    String baseText = slash < 0 ? "" : normalised.substring(0, slash + 1);
    String pattern = slash < 0 ? normalised : normalised.substring(slash + 1);
    Path base = baseText.isEmpty() ? workingDirectory : workingDirectory.resolve(baseText);
    if (!Files.isDirectory(base)) {
      return problem(
          argument, "no file matches the pattern (" + base + " is not a directory)", "not-found");
    }
    PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    // like a shell's globstar, a leading **/ also matches files directly in the base directory
    PathMatcher matcher =
        pattern.startsWith("**/")
            ? orMatcher(
                full, FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)))
            : full;
    try {
      startWalk(
          baseText.isEmpty() ? "" : stripTrailingSlash(baseText),
          base,
          baseText.isEmpty() ? "" : stripTrailingSlash(baseText),
          base,
          matcher,
          new int[1],
          false);
    } catch (IOException e) {
      return problem(
          argument, "cannot read the directory: " + Sources.describe(e), Sources.issueType(e));
    }
    Entry first = nextFromWalks();
    if (first == null) {
      return problem(argument, "no file matches the pattern", "not-found");
    }
    return first;
  }

  private static PathMatcher orMatcher(PathMatcher a, PathMatcher b) {
    return p -> a.matches(p) || b.matches(p);
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return s.length();
  }

  private void startWalk(
      String display,
      Path dir,
      String rootDisplay,
      Path root,
      @Nullable PathMatcher matcher,
      int[] emitted,
      boolean isRoot)
      throws IOException {
    Path real = realPath(dir);
    List<Path> children = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    if (real != null) {
      walked.add(real);
    }
    walks.push(
        new Walk(display, children.iterator(), root, rootDisplay, matcher, emitted, isRoot, real));
  }

  private static @Nullable Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** A warning for an entry that was not read, saying why; the walk goes on. */
  private static Entry skipped(String display, String why) {
    return new Entry(
        display,
        null,
        new SourceProblem(
            display,
            null,
            "skipped: " + why,
            "not-supported",
            dev.taskcheck.model.Severity.WARNING));
  }

  /**
   * Walks a symbolic link to a directory unless its target is already walked; returns the warning
   * when it is (a loop when the target is an ancestor of the link).
   */
  private @Nullable Entry followLinkedDirectory(Walk w, Path p, String display) {
    Path real = realPath(p);
    if (real == null) {
      return skipped(display, "a symbolic link whose target cannot be resolved");
    }
    for (Walk open : walks) {
      if (real.equals(open.real())) {
        return skipped(
            display,
            "a symbolic link to a directory that contains it (a loop); it was not followed");
      }
    }
    if (walked.contains(real)) {
      return skipped(
          display,
          "a symbolic link to a directory already read in this run; it was not read twice");
    }
    try {
      startWalk(display, p, w.rootDisplay(), w.root(), w.matcher(), w.emitted(), false);
    } catch (IOException e) {
      return new Entry(
          display,
          null,
          new SourceProblem(
              display,
              null,
              "cannot read the directory: " + Sources.describe(e),
              Sources.issueType(e)));
    }
    return null;
  }

  private @Nullable Entry nextFromWalks() throws IOException {
    while (!walks.isEmpty()) {
      Walk w = walks.peek();
      if (!w.entries().hasNext()) {
        walks.pop();
        if (w.isRoot() && w.emitted()[0] == 0) {
          return new Entry(
              w.display(),
              null,
              new SourceProblem(
                  w.display(),
                  null,
                  "the directory holds no FHIR file (*.json, *.xml, *.ndjson, *.jsonl); nothing was validated there",
                  "not-found",
                  dev.taskcheck.model.Severity.WARNING));
        }
        continue;
      }
      Path p = w.entries().next();
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      String display = join(w.display(), name);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Path real = realPath(p);
        if (real != null && walked.contains(real)) {
          return skipped(display, "a directory already read in this run (through a symbolic link)");
        }
        try {
          startWalk(display, p, w.rootDisplay(), w.root(), w.matcher(), w.emitted(), false);
        } catch (IOException e) {
          return new Entry(
              display,
              null,
              new SourceProblem(
                  display,
                  null,
                  "cannot read the directory: " + Sources.describe(e),
                  Sources.issueType(e)));
        }
        continue;
      }
      boolean link = Files.isSymbolicLink(p);
      if (link && Files.isDirectory(p)) {
        Entry problem = followLinkedDirectory(w, p, display);
        if (problem != null) {
          return problem;
        }
        continue;
      }
      boolean wanted =
          w.matcher() != null
              ? w.matcher().matches(w.root().relativize(p))
              : hasDataExtension(name);
      if (!wanted) {
        continue;
      }
      if (Files.isRegularFile(p)) {
        w.emitted()[0]++;
        return new Entry(display, p, null);
      }
      if (link && !Files.exists(p)) {
        return skipped(
            display,
            Files.isSymbolicLink(p) && isLoopingLink(p)
                ? "a symbolic link that loops (it points back to itself)"
                : "a symbolic link whose target does not exist (dangling link)");
      }
      return skipped(display, "not a regular file (a pipe, device or socket)");
    }
    return null;
  }

  /**
   * True when resolving the link fails because it loops (ELOOP), not because its target is gone.
   */
  private static boolean isLoopingLink(Path p) {
    try {
      return p.toRealPath() == null;
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean hasDataExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : DIRECTORY_EXTENSIONS) {
      if (lower.endsWith(ext)) {
        return true;
      }
    }
    return false;
  }

  private static String join(String dir, String name) {
    if (dir.isEmpty()) {
      return name;
    }
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }
}
