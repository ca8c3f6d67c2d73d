package dev.taskcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the bash completion script of the {@code taskcheck} command (zsh loads it through {@code
 * bashcompinit}), built by picocli from the commands as {@link Main} builds them. Run by the build
 * for the distribution: {@code ShellCompletion <file>}.
 */
final class ShellCompletion {

  private ShellCompletion() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ShellCompletion <file to write>");
    }
    CommandLine cli = new CommandLine(new Main(), new Main.Factory(System.out, System.err, false));
    Path file = Path.of(args[0]);
    Files.writeString(file, AutoComplete.bash("taskcheck", cli), StandardCharsets.UTF_8);
  }
}
