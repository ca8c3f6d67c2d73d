package dev.taskcheck.rules;

import java.util.List;

/**
 * Every rule TaskCheck ships, listed explicitly (no class-path scanning): a list one can read beats
 * discovery. Empty until the rule catalog lands.
 */
public final class BuiltInRules {

  public static final List<Class<? extends Rule>> ALL = List.of();

  private BuiltInRules() {}
}
