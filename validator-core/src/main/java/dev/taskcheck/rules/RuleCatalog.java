package dev.taskcheck.rules;

import dev.taskcheck.RuleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The catalog entries of the built-in rules, read from their {@link TaskRule} annotations. */
public final class RuleCatalog {

  private RuleCatalog() {}

  public static List<RuleInfo> builtIn() {
    List<RuleInfo> out = new ArrayList<>();
    for (Class<? extends Rule> type : BuiltInRules.ALL) {
      TaskRule meta = type.getAnnotation(TaskRule.class);
      if (meta == null) {
        throw new IllegalStateException(type.getName() + " is listed in BuiltInRules but has no @TaskRule");
      }
      out.add(new RuleInfo(meta.id(), meta.name(), meta.category().code(), meta.severity(),
          List.copyOf(Arrays.asList(meta.versions())), meta.summary(), RuleInfo.Kind.JAVA));
    }
    return List.copyOf(out);
  }
}
