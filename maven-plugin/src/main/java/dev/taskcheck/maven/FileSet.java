package dev.taskcheck.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A directory and the files in it to validate, as a POM declares it:
 *
 * <pre>{@code
 * <fileSet>
 *   <directory>src/main/resources/tasks</directory>
 *   <includes><include>**}{@code /*.json</include></includes>
 *   <excludes><exclude>drafts/**</exclude></excludes>
 * </fileSet>
 * }</pre>
 *
 * <p>A relative directory is resolved against the project's base directory. Without includes, the
 * plugin's {@code includes} apply ({@code **}{@code /*.json}, {@code **}{@code /*.xml}, {@code
 * **}{@code /*.ndjson}); the plugin's {@code excludes} always apply as well.
 */
public class FileSet {

  private @Nullable File directory;
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();

  public FileSet() {}

  FileSet(File directory) {
    this.directory = directory;
  }

  public @Nullable File getDirectory() {
    return directory;
  }

  public void setDirectory(File directory) {
    this.directory = directory;
  }

  public List<String> getIncludes() {
    return includes;
  }

  public void setIncludes(List<String> includes) {
    this.includes = includes == null ? new ArrayList<>() : includes;
  }

  public List<String> getExcludes() {
    return excludes;
  }

  public void setExcludes(List<String> excludes) {
    this.excludes = excludes == null ? new ArrayList<>() : excludes;
  }
}
