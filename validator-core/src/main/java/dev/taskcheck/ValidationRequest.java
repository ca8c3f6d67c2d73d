package dev.taskcheck;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What to validate: paths, directories, glob patterns, or {@code -} for standard input, read in the
 * order given. Immutable; build with {@link #of} or {@link #builder()}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ValidationRequest {

  private final List<String> inputs;
  private final Path workingDirectory;
  private final Supplier<InputStream> stdin;
  private final boolean versionsInGivenOrder;

  private ValidationRequest(Builder b) {
    this.versionsInGivenOrder = b.versionsInGivenOrder;
    this.inputs = List.copyOf(b.inputs);
    this.workingDirectory = b.workingDirectory;
    this.stdin = b.stdin;
  }

  /**
   * A request for these inputs, relative to the current directory, with the process's standard
   * input.
   */
  public static ValidationRequest of(String... inputs) {
    return builder().inputs(List.of(inputs)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> inputs() {
    return inputs;
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  public Supplier<InputStream> stdin() {
    return stdin;
  }

  /**
   * True when the Tasks of all inputs are versions grouped into histories (by id, or a shared
   * identifier) and kept in the order given, oldest first ({@code taskcheck diff BEFORE AFTER}, a
   * replay of a recorded workflow), rather than ordered by versionId, lastModified and
   * meta.lastUpdated.
   */
  public boolean versionsInGivenOrder() {
    return versionsInGivenOrder;
  }

  public static final class Builder {
    private final List<String> inputs = new ArrayList<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Supplier<InputStream> stdin = () -> System.in;
    private boolean versionsInGivenOrder;

    private Builder() {}

    /**
     * Reads the Tasks of all inputs as one history in the order given (see {@link
     * #versionsInGivenOrder()}).
     */
    public Builder versionsInGivenOrder(boolean given) {
      this.versionsInGivenOrder = given;
      return this;
    }

    /**
     * Adds a path, a directory, a glob pattern such as {@code data/**}{@code /*.json}, or {@code
     * -}.
     */
    public Builder input(String input) {
      inputs.add(Objects.requireNonNull(input));
      return this;
    }

    public Builder inputs(List<String> more) {
      more.forEach(this::input);
      return this;
    }

    public Builder input(Path path) {
      return input(path.toString());
    }

    /** Where relative inputs start; the current directory by default. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Objects.requireNonNull(directory);
      return this;
    }

    /** What {@code -} reads; the process's standard input by default. */
    public Builder stdin(Supplier<InputStream> supplier) {
      this.stdin = Objects.requireNonNull(supplier);
      return this;
    }

    public ValidationRequest build() {
      return new ValidationRequest(this);
    }
  }
}
