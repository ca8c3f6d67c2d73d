package dev.taskcheck.rules;

/**
 * A TaskCheck rule over one Task. Implementations are small final classes annotated with
 * {@link TaskRule} and listed in {@link BuiltInRules#ALL}; they report through their context and never
 * throw for a finding. The Task view and the rule context arrive with the rule catalog.
 */
public interface Rule {}
