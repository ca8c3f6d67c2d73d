package dev.taskcheck.plan;

import org.jspecify.annotations.Nullable;

/**
 * An invariant on an element ({@code ElementDefinition.constraint}).
 *
 * @param key the constraint key ({@code ele-1}, {@code tsk-1}, {@code status-2})
 * @param error true for severity {@code error}, false for {@code warning}
 * @param human the human description
 * @param expression the FHIRPath expression; null when the definition gives none
 * @param source the URL of the StructureDefinition that defined it
 * @param bestPractice whether the constraint is marked as a best practice ({@code
 *     elementdefinition-bestpractice})
 */
public record Constraint(
    String key,
    boolean error,
    String human,
    @Nullable String expression,
    String source,
    boolean bestPractice) {}
