package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskcheck.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links and special files in a walked directory: followed safely or reported, per entry.
 */
class SymlinkWalkTest {

  @TempDir Path dir;

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  private List<SourceItem> read(String... args) throws IOException {
    List<SourceItem> out = new ArrayList<>();
    try (Sources s =
        Sources.open(List.of(args), dir, InputStream::nullInputStream, SourceLimits.defaults())) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  private static String describe(SourceItem i) {
    return i instanceof SourceProblem p
        ? i.source() + " " + p.severity() + " " + p.issueType()
        : i.source();
  }

  @Test
  void aSymlinkedDirectoryIsWalkedAndLinksThatCannotBeReadAreReportedPerEntry() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("inner.json"), TASK);
    Files.writeString(data.resolve("a.json"), TASK);
    Files.createSymbolicLink(data.resolve("linked"), elsewhere);
    Files.createSymbolicLink(data.resolve("dangling.json"), dir.resolve("nowhere.json"));
    Files.createSymbolicLink(data.resolve("self.json"), data.resolve("self.json"));
    Files.createSymbolicLink(data.resolve("up"), data); // a loop: data/up/up/up...
    Files.createSymbolicLink(data.resolve("notes.txt"), dir.resolve("nowhere.txt")); // not data
    List<SourceItem> items = read("data");
    assertThat(items)
        .extracting(SymlinkWalkTest::describe)
        .containsExactly(
            "data/a.json",
            "data/dangling.json WARNING not-supported",
            "data/linked/inner.json",
            "data/self.json WARNING not-supported",
            "data/up WARNING not-supported");
  }

  @Test
  void aDirectoryReachedTwiceIsReadOnce() throws IOException {
    Path real = Files.createDirectories(dir.resolve("data/z-real"));
    Files.writeString(real.resolve("t.json"), TASK);
    Files.createSymbolicLink(dir.resolve("data/a-link"), real);
    assertThat(read("data"))
        .extracting(SymlinkWalkTest::describe)
        .containsExactly("data/a-link/t.json", "data/z-real WARNING not-supported");
  }

  @Test
  void aFifoIsReportedNotSilentlySkipped() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("b.json"), TASK);
    Path fifo = data.resolve("a.json");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    assumeTrue(made, "mkfifo is not available here");
    List<SourceItem> items = read("data");
    assertThat(items)
        .extracting(SymlinkWalkTest::describe)
        .containsExactly("data/a.json WARNING not-supported", "data/b.json");
    assertThat(((SourceProblem) items.get(0)).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aDanglingLinkNamedOnTheCommandLineSaysSo() throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere.json"));
    assertThat(read("gone.json"))
        .extracting(SymlinkWalkTest::describe)
        .containsExactly("gone.json FATAL not-found");
  }
}
