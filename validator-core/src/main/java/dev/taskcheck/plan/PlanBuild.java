package dev.taskcheck.plan;

import dev.taskcheck.model.FhirRelease;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compiles the plans of the core definitions and TaskCheck's profiles at build time: {@code java
 * dev.taskcheck.plan.PlanBuild OUTPUT_DIR STAMP_DIR [RELEASE...]} writes {@code
 * OUTPUT_DIR/dev/taskcheck/plan/<release>.plan} (every release when none is named). A plan is
 * rebuilt only when its inputs changed: the stamp in {@code STAMP_DIR} fingerprints the compiler's
 * and parser's classes, the definition sources on the class path and TaskCheck's profiles package.
 */
public final class PlanBuild {

  private PlanBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: PlanBuild OUTPUT_DIR STAMP_DIR [R4|R4B|R5...]");
    }
    Path folder = Path.of(args[0]).resolve(Plans.FOLDER);
    Path stamps = Path.of(args[1]);
    Files.createDirectories(folder);
    Files.createDirectories(stamps);
    FhirRelease[] releases = Plans.RELEASES.stream().sorted().toArray(FhirRelease[]::new);
    if (args.length > 2) {
      releases = new FhirRelease[args.length - 2];
      for (int i = 2; i < args.length; i++) {
        releases[i - 2] = FhirRelease.parse(args[i]);
      }
    }
    for (FhirRelease release : releases) {
      Path file = folder.resolve(Plans.fileName(release));
      Path stamp = stamps.resolve(Plans.fileName(release) + ".stamp");
      String fingerprint = fingerprint(release);
      if (Files.exists(file)
          && Files.exists(stamp)
          && Files.readString(stamp).equals(fingerprint)) {
        System.out.println("[plan] " + release.code() + ": up to date");
        continue;
      }
      long start = System.nanoTime();
      PlanCompiler compiler = DefinitionSources.addAll(release, new PlanCompiler());
      Plan plan = compiler.compile(DefinitionSources.fhirVersion(release));
      Path temp = Files.createTempFile(folder, ".plan", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        PlanCodec.write(plan, out);
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "[plan] %s: %d definitions, %d value sets (%d incomplete), %d code systems,"
              + " %d bytes in %d ms%n",
          release.code(),
          plan.definitionUrls().size(),
          plan.valueSetUrls().size(),
          compiler.problems().stream().filter(p -> p.startsWith("ValueSet")).count(),
          plan.codeSystemUrls().size(),
          Files.size(file),
          ms);
      Files.writeString(stamp, fingerprint);
    }
  }

  /**
   * A digest of what a release's plan is made from: the classes of the plan compiler and of the
   * parser (where they are files, as in a build), the names of the class-path entries holding the
   * definitions (their versions), and the bytes of TaskCheck's profiles package.
   */
  static String fingerprint(FhirRelease release) throws IOException {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(release.code().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update(
        Integer.toString(PlanCodec.FORMAT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (Class<?> anchor :
        new Class<?>[] {PlanCompiler.class, dev.taskcheck.parse.DocumentParser.class}) {
      java.net.URL url = anchor.getResource(anchor.getSimpleName() + ".class");
      if (url != null && url.getProtocol().equals("file")) {
        Path dir;
        try {
          dir = Path.of(url.toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
          throw new IOException(e);
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
            digest.update(
                f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
          }
        }
      }
    }
    ClassLoader loader = PlanBuild.class.getClassLoader();
    for (String probe :
        new String[] {
          "org/hl7/fhir/r4/model/profile/profiles-resources.xml",
          "org/hl7/fhir/r4b/model/profile/profiles-resources.xml",
          "org/hl7/fhir/r5/packages/hl7.fhir.r5.core-5.0.0.tgz"
        }) {
      java.net.URL url = loader.getResource(probe);
      digest.update(String.valueOf(url).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String profiles =
        "dev/taskcheck/profiles/" + release.code().toLowerCase(Locale.ROOT) + "/package/";
    try (java.io.InputStream in = loader.getResourceAsStream(profiles + ".index.json")) {
      if (in != null) {
        String index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        digest.update(index.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String name : IndexFiles.filenames(index)) {
          try (java.io.InputStream f = loader.getResourceAsStream(profiles + name)) {
            if (f != null) {
              digest.update(f.readAllBytes());
            }
          }
        }
      }
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }
}
