package dev.taskcheck.buildtools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * What a package build depends on, as one SHA-256: the sources of the release, the version and time
 * stamped into the package, this tool's own classes (from a jar or a folder alike) and the
 * libraries it runs with (by file name and size: their versions are in their names). When a
 * package's recorded fingerprint is unchanged, its build is skipped.
 */
final class Fingerprint {

  private Fingerprint() {}

  static String of(Release release, String version, String timestamp, Path sourceDir) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    text(sha, "taskcheck-fhir-package-1");
    text(sha, release.code());
    text(sha, version);
    text(sha, timestamp);
    try {
      tree(sha, sourceDir, false);
      Path ownCode =
          Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(ownCode)) {
        tree(sha, ownCode, true);
      } else {
        jarClasses(sha, ownCode);
      }
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, -1)) {
        Path p = Path.of(entry);
        if (!entry.isEmpty()
            && !p.toAbsolutePath().equals(ownCode.toAbsolutePath())
            && Files.isRegularFile(p)) {
          text(sha, p.getFileName() + ":" + Files.size(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The recorded fingerprint, or null. */
  static @Nullable String read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Files.readString(file, StandardCharsets.UTF_8).trim()
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files under {@code root} (only the .class files if {@code classes}): relative name, size,
   * content.
   */
  private static void tree(MessageDigest sha, Path root, boolean classes) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !classes || f.toString().endsWith(".class"))
              .sorted(
                  Comparator.comparing(
                      f -> root.relativize(f).toString().replace(File.separatorChar, '/')))
              .toList();
    }
    for (Path f : files) {
      entry(
          sha,
          root.relativize(f).toString().replace(File.separatorChar, '/'),
          Files.readAllBytes(f));
    }
  }

  /**
   * The .class files of a jar, as {@link #tree} sees them in a folder: the same code gives the same
   * hash.
   */
  private static void jarClasses(MessageDigest sha, Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries =
          zip.stream()
              .filter(e -> !e.isDirectory() && e.getName().endsWith(".class"))
              .sorted(Comparator.comparing(ZipEntry::getName))
              .toList();
      for (ZipEntry e : entries) {
        try (InputStream in = zip.getInputStream(e)) {
          entry(sha, e.getName(), in.readAllBytes());
        }
      }
    }
  }

  private static void entry(MessageDigest sha, String name, byte[] content) {
    text(sha, name);
    text(sha, Integer.toString(content.length));
    sha.update(content);
  }

  private static void text(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sha.update(
        new byte[] {
          (byte) (b.length >>> 24),
          (byte) (b.length >>> 16),
          (byte) (b.length >>> 8),
          (byte) b.length
        });
    sha.update(b);
  }
}
