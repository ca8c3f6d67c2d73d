package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.TypeDef;
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
 */
record Document(
    Node root,
    boolean baseOnly,
    @Nullable TypeDef taskProfile,
    @Nullable Node bundle,
    Bundles.Targets targets) {}
