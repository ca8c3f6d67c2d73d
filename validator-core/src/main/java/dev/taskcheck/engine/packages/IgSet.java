package dev.taskcheck.engine.packages;

import dev.taskcheck.model.FhirRelease;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The IG packages of a TaskCheck instance, dependencies included: what the reference engine loads
 * beside the core definitions, and the profiles the fast engine hands to it.
 */
public final class IgSet {

  /** No packages. */
  public static final IgSet NONE = new IgSet(List.of());

  private final List<IgPackage> packages;
  private final Set<String> profileUrls = new HashSet<>();
  private final String key;
  private final String contentHash;

  IgSet(List<IgPackage> packages) {
    this.packages = List.copyOf(packages);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<String> names = new ArrayList<>();
    for (IgPackage p : this.packages) {
      names.add(p.name());
      digest.update(p.name().getBytes(StandardCharsets.UTF_8));
      for (IgPackage.Resource r : p.resources()) {
        digest.update(r.path().getBytes(StandardCharsets.UTF_8));
        digest.update(r.bytes());
        if (r.resourceType().equals("StructureDefinition")) {
          profileUrls.add(r.url());
          if (!r.version().isEmpty()) {
            profileUrls.add(r.url() + "|" + r.version());
          }
        }
      }
    }
    this.contentHash = HexFormat.of().formatHex(digest.digest());
    this.key =
        this.packages.isEmpty() ? "" : String.join(",", names) + "@" + contentHash.substring(0, 16);
  }

  public List<IgPackage> packages() {
    return packages;
  }

  public boolean isEmpty() {
    return packages.isEmpty();
  }

  /** The packages written for {@code release}. */
  public List<IgPackage> forRelease(FhirRelease release) {
    return packages.stream().filter(p -> p.release() == release).toList();
  }

  /** Whether a package defines this canonical URL ({@code url} or {@code url|version}). */
  public boolean definesProfile(String canonical) {
    return profileUrls.contains(canonical);
  }

  /** The SHA-256 of the packages' names, paths and contents (hex): equal hashes, equal contents. */
  public String contentHash() {
    return contentHash;
  }

  /** Names the set by its packages and contents: equal keys, equal definitions. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key.isEmpty() ? "no IG packages" : key;
  }
}
