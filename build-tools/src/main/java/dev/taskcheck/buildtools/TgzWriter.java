package dev.taskcheck.buildtools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a FHIR NPM package file: a gzipped tar whose entries are {@code package/<file>}, the
 * layout {@code NpmPackage.fromPackage} (the HL7 validator's {@code -ig}) reads. The archive is
 * reproducible: entries in the given order, one fixed time, mode 0644, no owner names, no time or
 * OS in the gzip header.
 */
final class TgzWriter {

  private TgzWriter() {}

  static void write(Path tgz, Path folder, List<String> files, Instant time) {
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setOperatingSystem(255); // "unknown": the same bytes whatever machine builds it
    try {
      Files.createDirectories(tgz.toAbsolutePath().getParent());
      try (OutputStream file = Files.newOutputStream(tgz);
          GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file, gzip);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (String name : files) {
          byte[] content = Files.readAllBytes(folder.resolve(name));
          TarArchiveEntry entry = new TarArchiveEntry("package/" + name, true);
          entry.setSize(content.length);
          entry.setMode(0100644);
          entry.setLastModifiedTime(FileTime.from(time));
          entry.setUserId(0);
          entry.setGroupId(0);
          entry.setUserName("");
          entry.setGroupName("");
          tar.putArchiveEntry(entry);
          tar.write(content);
          tar.closeArchiveEntry();
        }
        tar.finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + tgz, e);
    }
  }
}
