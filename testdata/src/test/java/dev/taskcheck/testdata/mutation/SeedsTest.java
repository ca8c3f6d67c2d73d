package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedsTest {

  private final List<Seed> seeds = Seeds.discover(Testdata.folder());

  @Test
  void everyReleaseHasSeedsAndEverySeedHoldsATask() {
    Map<Release, Long> byRelease =
        seeds.stream()
            .collect(Collectors.groupingBy(Seed::release, TreeMap::new, Collectors.counting()));
    assertThat(byRelease.keySet()).containsExactly(Release.R4, Release.R4B, Release.R5);
    assertThat(byRelease.get(Release.R4)).isGreaterThan(200);
    assertThat(byRelease.get(Release.R5)).isGreaterThan(20);
    for (Seed s : seeds) {
      assertThat(Seeds.holdsTask(JsonText.parse(s.text()))).as(s.file()).isTrue();
      assertThat(s.file()).doesNotEndWith(".xml");
    }
  }

  @Test
  void seedsAreSortedAndNoneIsTwice() {
    assertThat(seeds).extracting(Seed::file).isSorted().doesNotHaveDuplicates();
    Set<String> texts = new HashSet<>();
    seeds.forEach(s -> assertThat(texts.add(s.text())).as(s.file()).isTrue());
    // the samples copied from the corpus are seeds under their corpus path only
    assertThat(seeds)
        .extracting(Seed::file)
        .contains("corpus/spec-r4/Task-example1.json")
        .doesNotContain("samples/spec-r4-Task-example1.json");
  }

  @Test
  void releaseAndLicenceComeFromTheIndex() throws Exception {
    Path index = Testdata.folder().resolve("corpus/INDEX.tsv");
    Map<String, String[]> rows = new TreeMap<>();
    for (String line : Files.readAllLines(index)) {
      String[] cols = line.split("\t", -1);
      rows.put("corpus/" + cols[0], cols);
    }
    int checked = 0;
    for (Seed s : seeds) {
      String[] row = rows.get(s.file());
      if (row != null) {
        assertThat(row[4]).as(s.file()).startsWith(s.release().name() + " ");
        assertThat(row[8]).as(s.file()).isEqualTo(s.licence());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void ownSeedsAndNdjsonLinesAreIncluded() {
    assertThat(seeds)
        .filteredOn(s -> s.file().startsWith("mutation/seeds/"))
        .extracting(Seed::release)
        .contains(Release.R4B, Release.R5);
    List<Seed> lines = seeds.stream().filter(s -> s.file().contains(".ndjson#")).toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).stem()).isEqualTo("tasks-physiotherapy-course-1");
    assertThat(lines).allSatisfy(s -> assertThat(s.licence()).isEqualTo("Apache-2.0"));
  }
}
