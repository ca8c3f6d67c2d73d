package dev.taskcheck.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * The {@code <igs>} entries written as Maven coordinates ({@code
 * groupId:artifactId[:extension[:classifier]]:version}), resolved by Maven like any dependency:
 * from the local repository, else from the project's repositories as the build's settings allow
 * ({@code -o} keeps it offline). The library then reads the artifact as a package {@code .tgz}, or
 * as a {@code .jar}/{@code .zip} holding one.
 */
@Named
@Singleton
public class IgArtifacts {

  /** Three to five colon-separated parts; no path or {@code id#version} looks like this. */
  private static final Pattern COORDINATES =
      Pattern.compile("[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+){2,4}");

  private final RepositorySystem system;

  @Inject
  public IgArtifacts(RepositorySystem system) {
    this.system = system;
  }

  /** Whether an {@code <igs>} entry is Maven coordinates rather than a path or id#version. */
  static boolean isCoordinates(String spec) {
    return COORDINATES.matcher(spec).matches();
  }

  /**
   * The entries with every Maven coordinate replaced by the path of its resolved file; paths and
   * {@code id#version} pass unchanged.
   *
   * @throws MojoExecutionException naming the coordinates that do not resolve, and why
   */
  List<String> resolve(
      List<String> igs,
      RepositorySystemSession session,
      List<RemoteRepository> repositories,
      Log log)
      throws MojoExecutionException {
    List<String> resolved = new ArrayList<>(igs.size());
    for (String spec : igs) {
      if (!isCoordinates(spec)) {
        resolved.add(spec);
        continue;
      }
      DefaultArtifact artifact;
      try {
        artifact = new DefaultArtifact(spec);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(
            "TaskCheck: the IG package "
                + spec
                + " (taskcheck.igs) is not groupId:artifactId[:extension[:classifier]]:version: "
                + e.getMessage(),
            e);
      }
      try {
        ArtifactResult result =
            system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
        String file = result.getArtifact().getFile().getAbsolutePath();
        log.info("TaskCheck: IG package " + spec + " resolved to " + file);
        resolved.add(file);
      } catch (ArtifactResolutionException e) {
        throw new MojoExecutionException(
            "TaskCheck: the IG package "
                + spec
                + " (taskcheck.igs) does not resolve: "
                + e.getMessage()
                + ". Deploy or install the artifact that holds the package (a .tgz, or a .jar"
                + " holding package/package.json; the extension defaults to jar), or give the"
                + " package's path instead",
            e);
      }
    }
    return resolved;
  }
}
