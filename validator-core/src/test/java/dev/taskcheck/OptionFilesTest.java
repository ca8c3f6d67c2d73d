package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.taskcheck.engine.StateMachineFiles;
import dev.taskcheck.source.OptionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option files ({@code --config}, {@code --suppressions}, {@code --state-machine}) are read up to a
 * limit, enforced while reading: {@code /dev/zero} as a configuration file was read until the heap
 * was full (issue 14 #18).
 */
class OptionFilesTest {

  @TempDir Path dir;

  private Path overLimit() throws IOException {
    Path p = dir.resolve("huge.json");
    byte[] spaces = new byte[OptionFiles.MAX_BYTES + 1];
    Arrays.fill(spaces, (byte) ' ');
    Files.write(p, spaces);
    return p;
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingItAndTheLimit() throws IOException {
    Path huge = overLimit();
    assertThatThrownBy(() -> ConfigFiles.readConfig(huge))
        .isInstanceOf(TaskCheckException.class)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("8 MiB");
    assertThatThrownBy(() -> ConfigFiles.readSuppressions(huge))
        .isInstanceOf(TaskCheckException.class)
        .hasMessageContaining(huge.toString());
    assertThatThrownBy(() -> StateMachineFiles.read(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(huge.toString());
  }

  @Test
  void aFileAtTheLimitIsRead() throws IOException {
    Path p = dir.resolve("big.json");
    byte[] spaces = new byte[OptionFiles.MAX_BYTES];
    Arrays.fill(spaces, (byte) ' ');
    spaces[0] = '{';
    spaces[spaces.length - 1] = '}';
    Files.write(p, spaces);
    assertThat(OptionFiles.read(p, "configuration")).hasSize(OptionFiles.MAX_BYTES);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void anEndlessDeviceIsRefusedPromptly() {
    Path zero = Path.of("/dev/zero");
    // a hang guard, not a timing assertion: before the limit this filled the heap
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          assertThatThrownBy(() -> ConfigFiles.readConfig(zero))
              .isInstanceOf(TaskCheckException.class)
              .hasMessageContaining("/dev/zero");
          assertThatThrownBy(() -> StateMachineFiles.read(zero))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("/dev/zero");
        });
  }

  @Test
  void textThatIsNotUtf8IsRefusedNamingTheFile() throws IOException {
    Path p = dir.resolve("latin1.json");
    Files.write(p, new byte[] {'{', (byte) 0xE9, '}'});
    assertThatThrownBy(() -> ConfigFiles.readConfig(p))
        .isInstanceOf(TaskCheckException.class)
        .hasMessageContaining(p.toString());
  }
}
