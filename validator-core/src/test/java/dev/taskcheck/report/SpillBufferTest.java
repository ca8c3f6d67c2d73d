package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillBufferTest {

  @TempDir Path dir;

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % 251);
    }
    return b;
  }

  @Test
  void staysInMemoryUpToTheLimit() throws IOException {
    byte[] data = bytes(1000);
    try (SpillBuffer spill = new SpillBuffer(dir, 1000)) {
      spill.write(data, 0, 600);
      spill.write(data, 600, 400);
      assertThat(spill.file()).isNull();
      assertThat(spill.size()).isEqualTo(1000);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      spill.copyTo(out, 10);
      assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 10, 1000));
    }
    assertThat(JsonReportWriterTest.listFiles(dir)).isEmpty();
  }

  @Test
  void spillsToAFileBeyondTheLimitAndDeletesItOnClose() throws IOException {
    byte[] data = bytes(300_000);
    Path file;
    try (SpillBuffer spill = new SpillBuffer(dir, 1000)) {
      spill.write(data[0]);
      spill.write(data, 1, 999);
      assertThat(spill.file()).isNull();
      spill.write(data, 1000, data.length - 1000);
      file = spill.file();
      assertThat(file).isNotNull().exists().hasParent(dir);
      assertThat(spill.size()).isEqualTo(data.length);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      spill.copyTo(out, 5);
      assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 5, data.length));
    }
    assertThat(file).doesNotExist();
    assertThat(JsonReportWriterTest.listFiles(dir)).isEmpty();
  }

  @Test
  void readsBackWhatWasWrittenFromMemoryAndFromTheFile() throws IOException {
    byte[] data = bytes(5000);
    try (SpillBuffer spill = new SpillBuffer(dir, 1000)) {
      spill.write(data, 0, 800);
      try (InputStream in = spill.inputStream()) {
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 0, 800));
      }
      spill.write(data, 800, data.length - 800);
      assertThat(spill.file()).isNotNull();
      try (InputStream in = spill.inputStream()) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
    assertThat(JsonReportWriterTest.listFiles(dir)).isEmpty();
  }
}
