package dev.taskcheck.engine.packages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a package folder as an NPM package {@code .tgz} (ustar, every file under {@code package/}),
 * or into a {@code .jar}.
 */
final class TestPackages {

  private TestPackages() {}

  static Path tgz(Path folder, Path target) throws IOException {
    return tgz(folder, target, Comparator.naturalOrder());
  }

  /** As {@link #tgz(Path, Path)}, with the files in this order (tar keeps no order of its own). */
  static Path tgz(Path folder, Path target, Comparator<Path> order) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted(order).toList();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      for (Path f : files) {
        String name = "package/" + folder.relativize(f).toString().replace('\\', '/');
        byte[] body = Files.readAllBytes(f);
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
          throw new IOException("name too long for this test writer: " + name);
        }
        System.arraycopy(n, 0, header, 0, n.length);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", body.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        header[262] = 0;
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
          header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
          sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        out.write(header);
        out.write(body);
        int pad = (512 - body.length % 512) % 512;
        out.write(new byte[pad]);
      }
      out.write(new byte[1024]);
    }
    return target;
  }

  private static void put(byte[] header, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }

  /**
   * Packs a package folder into a {@code .jar}/{@code .zip}, every file under {@code prefix} (as a
   * Maven artifact holding a package may), with an unrelated {@code package.json} deeper down.
   */
  static Path zip(Path folder, Path target, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      out.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII));
      for (Path f : files) {
        out.putNextEntry(new ZipEntry(prefix + folder.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
      }
      out.putNextEntry(new ZipEntry(prefix + "other/deeper/package.json"));
      out.write("{}".getBytes(StandardCharsets.US_ASCII));
    }
    return target;
  }

  /** Copies a folder into {@code target} (created). */
  static Path copy(Path folder, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted().toList()) {
        Path to = target.resolve(folder.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
