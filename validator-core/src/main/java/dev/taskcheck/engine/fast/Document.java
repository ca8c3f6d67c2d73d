package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.source.LocatedResource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the checks of one document share.
 *
 * @param root the document's root resource (the reference engine's %rootResource)
 * @param baseOnly whether no known profile is declared in meta.profile (then preferred bindings
 *     give hints)
 * @param taskProfile the profile applied to every Task in a second pass (TaskCheck's Task profile),
 *     or null when no profile rule can report in the run
 * @param bundle the Bundle the document is (then its Task entries are the Tasks), or null
 * @param targets what the Task entries' references resolve to in the Bundle (none outside one)
 * @param tasks the document's Tasks, whose findings the issue policy reads with their paths
 */
record Document(
    Node root,
    boolean baseOnly,
    @Nullable TypeDef taskProfile,
    @Nullable Node bundle,
    Bundles.Targets targets,
    List<LocatedResource> tasks) {

  /**
   * The path of the Task {@code resource} is (the node itself, compared by identity), or null when
   * it is none of the document's Tasks.
   */
  @SuppressWarnings("ReferenceEquality") // the parse tree's nodes, which the Tasks were found in
  @Nullable String taskPath(Node resource) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).node() == resource) {
        return tasks.get(i).path();
      }
    }
    return null;
  }
}
