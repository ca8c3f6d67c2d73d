package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of one run are one set: all new ones or all old ones (issue 14 #13), and temporary
 * files of killed runs are removed by the next run (issue 14 #12).
 */
class ReportFileSetTest {

  private static final RenderOptions OPTIONS = RenderOptions.defaults();

  @TempDir Path dir;

  private List<Path> hidden() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private void previousReports(List<OutputFormat> formats) throws IOException {
    for (OutputFormat f : formats) {
      Files.writeString(dir.resolve(f.fileName()), "previous run");
    }
  }

  @Test
  void allReportsOfARunAppearTogether() throws IOException {
    List<OutputFormat> formats = List.of(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.HTML);
    previousReports(formats);
    Map<OutputFormat, Path> files = new LinkedHashMap<>();
    formats.forEach(f -> files.put(f, dir.resolve(f.fileName())));
    ReportOutput out = OutputFormat.toFiles(files, OPTIONS);
    ReportFixtures.report().replay(out);
    for (OutputFormat f : formats) {
      assertThat(dir.resolve(f.fileName())).hasContent("previous run");
    }
    out.close();
    for (OutputFormat f : formats) {
      assertThat(Files.readString(dir.resolve(f.fileName()))).isNotEqualTo("previous run");
    }
    assertThat(hidden()).isEmpty();
  }

  @Test
  void whenOneReportCannotBeWrittenNoneIsReplaced() throws IOException {
    List<OutputFormat> formats = List.of(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.HTML);
    previousReports(formats);
    // the second report fails as a full disk does, when its content is written out at close
    AtomicFileOutput text =
        AtomicFileOutput.open(
            dir.resolve("taskcheck.txt"),
            (sink, d) -> ReportWriters.create(OutputFormat.TEXT, sink, OPTIONS, d));
    AtomicFileOutput json =
        AtomicFileOutput.open(dir.resolve("taskcheck.json"), (sink, d) -> new DiskFull(sink));
    AtomicFileOutput html =
        AtomicFileOutput.open(
            dir.resolve("taskcheck.html"),
            (sink, d) -> ReportWriters.create(OutputFormat.HTML, sink, OPTIONS, d));
    ReportOutput set = new ReportFileSet(List.of(text, json, html));
    ReportFixtures.report().replay(set);

    assertThatIOException().isThrownBy(set::close).withMessageContaining("No space left");

    for (OutputFormat f : formats) {
      assertThat(dir.resolve(f.fileName())).hasContent("previous run");
    }
    assertThat(hidden()).isEmpty();
  }

  @Test
  void aRunThatFailsLeavesThePreviousReportsAndNoTemporaryFile() throws IOException {
    List<OutputFormat> formats = List.of(OutputFormat.TEXT, OutputFormat.SARIF);
    previousReports(formats);
    Map<OutputFormat, Path> files = new LinkedHashMap<>();
    formats.forEach(f -> files.put(f, dir.resolve(f.fileName())));
    ReportOutput out = OutputFormat.toFiles(files, OPTIONS);
    out.start(ReportFixtures.run("auto"));
    out.result(ReportFixtures.CLEAN);
    out.close(); // no finish: the run failed
    for (OutputFormat f : formats) {
      assertThat(dir.resolve(f.fileName())).hasContent("previous run");
    }
    assertThat(hidden()).isEmpty();
  }

  @Test
  void theNextRunRemovesTemporaryFilesOfKilledRunsButNotOfLiveOnes() throws Exception {
    long deadPid = deadProcessId();
    Path ofDeadRun = Files.writeString(dir.resolve(".taskcheck.json." + deadPid + "-k1.tmp"), "x");
    Path spillOfDeadRun =
        Files.writeString(dir.resolve(".taskcheck-" + deadPid + "-123.spill"), "x");
    long livePid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
    Path ofLiveRun = Files.writeString(dir.resolve(".taskcheck.json." + livePid + "-k2.tmp"), "x");
    Path untaggedOld = Files.writeString(dir.resolve(".taskcheck.json.k3.tmp"), "x");
    Files.setLastModifiedTime(untaggedOld, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path untaggedFresh = Files.writeString(dir.resolve(".taskcheck.json.k4.tmp"), "x");
    Path notOurs = Files.writeString(dir.resolve(".other." + deadPid + "-k5.tmp"), "x");

    ReportOutput out =
        OutputFormat.toFiles(Map.of(OutputFormat.JSON, dir.resolve("taskcheck.json")), OPTIONS);
    out.close();

    assertThat(ofDeadRun).doesNotExist();
    assertThat(spillOfDeadRun).doesNotExist();
    assertThat(untaggedOld).doesNotExist();
    assertThat(ofLiveRun).exists();
    assertThat(untaggedFresh).exists();
    assertThat(notOurs).exists();
  }

  @Test
  void temporaryFilesNameTheirProcess() throws IOException {
    AtomicFileOutput out =
        AtomicFileOutput.open(
            dir.resolve("taskcheck.txt"),
            (sink, d) -> ReportWriters.create(OutputFormat.TEXT, sink, OPTIONS, d));
    assertThat(out.temp().getFileName().toString())
        .startsWith(".taskcheck.txt." + ProcessHandle.current().pid() + "-");
    out.close();
  }

  private static long deadProcessId() throws Exception {
    Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    p.waitFor();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return pid;
  }

  /** A writer whose content cannot be written out: the disk is full. */
  private static final class DiskFull implements ReportOutput {
    private final OutputStream sink;

    DiskFull(OutputStream sink) {
      this.sink = sink;
    }

    @Override
    public void result(dev.taskcheck.model.Result result) {
      // kept until close, where writing out fails
    }

    @Override
    public void close() throws IOException {
      sink.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("No space left on device");
    }
  }
}
