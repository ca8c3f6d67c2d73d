package dev.taskcheck.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {

  private static final List<String> DEFAULTS = List.of("**/*.json", "**/*.xml", "**/*.ndjson");

  @TempDir Path base;

  private void touch(String... paths) throws IOException {
    for (String p : paths) {
      Path f = base.resolve(p);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "{}");
    }
  }

  private static FileSet set(String directory, List<String> includes, List<String> excludes) {
    FileSet s = new FileSet(new File(directory));
    s.setIncludes(includes);
    s.setExcludes(excludes);
    return s;
  }

  @Test
  void defaultPatternsSelectJsonXmlAndNdjsonAtAnyDepthIncludingTheTop() throws IOException {
    touch(
        "src/main/fhir/a.json",
        "src/main/fhir/deep/er/b.xml",
        "src/main/fhir/c.ndjson",
        "src/main/fhir/notes.txt",
        "src/main/fhir/d.JSON.bak");
    InputScanner.Result r =
        new InputScanner(base)
            .scan(List.of(set("src/main/fhir", List.of(), List.of())), DEFAULTS, List.of());
    assertThat(r.files())
        .containsExactly(
            "src/main/fhir/a.json", "src/main/fhir/c.ndjson", "src/main/fhir/deep/er/b.xml");
    assertThat(r.missingDirectories()).isEmpty();
  }

  @Test
  void setIncludesReplaceTheDefaultsAndExcludesOfSetAndPluginApply() throws IOException {
    touch(
        "p/tasks/a.json",
        "p/tasks/drafts/b.json",
        "p/tables/t.json",
        "p/tasks/c.xml",
        "p/tasks/old-d.json");
    InputScanner.Result r =
        new InputScanner(base)
            .scan(
                List.of(set("p", List.of("tasks/**/*.json"), List.of("tasks/drafts/"))),
                DEFAULTS,
                List.of("**/old-*"));
    assertThat(r.files()).containsExactly("p/tasks/a.json");
  }

  @Test
  void aMissingDirectoryIsReportedNotFatalAndFilesAreListedOnce() throws IOException {
    touch("a/x.json");
    InputScanner.Result r =
        new InputScanner(base)
            .scan(
                List.of(
                    set("a", List.of(), List.of()),
                    set("a", List.of("*.json"), List.of()),
                    set("nowhere", List.of(), List.of())),
                DEFAULTS,
                List.of());
    assertThat(r.files()).containsExactly("a/x.json");
    assertThat(r.missingDirectories()).containsExactly("nowhere");
  }

  @Test
  void aDirectoryOutsideTheProjectIsGivenAbsolute(@TempDir Path elsewhere) throws IOException {
    Files.writeString(elsewhere.resolve("t.json"), "{}");
    InputScanner.Result r =
        new InputScanner(base)
            .scan(List.of(set(elsewhere.toString(), List.of(), List.of())), DEFAULTS, List.of());
    assertThat(r.files())
        .containsExactly(
            elsewhere
                .resolve("t.json")
                .toAbsolutePath()
                .normalize()
                .toString()
                .replace(File.separatorChar, '/'));
  }

  @Test
  void aFileSetWithoutDirectoryIsRefused() {
    FileSet s = new FileSet();
    assertThatThrownBy(() -> new InputScanner(base).scan(List.of(s), DEFAULTS, List.of()))
        .hasMessageContaining("<directory>");
  }

  @Test
  void doubleStarMatchesNoDirectoryToo() {
    assertThat(InputScanner.zeroDirectoryForms("**/*.json"))
        .containsExactlyInAnyOrder("**/*.json", "*.json");
    assertThat(InputScanner.zeroDirectoryForms("src/**/x/**/*.json"))
        .containsExactlyInAnyOrder(
            "src/**/x/**/*.json", "src/x/**/*.json", "src/**/x/*.json", "src/x/*.json");
    assertThat(InputScanner.zeroDirectoryForms("a**/b")).containsExactly("a**/b");
  }
}
