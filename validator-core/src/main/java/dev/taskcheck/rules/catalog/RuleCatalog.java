package dev.taskcheck.rules.catalog;

import dev.taskcheck.rules.ProfileRule;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.TransitionRule;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The catalog of the built-in rules: Java rules from their {@link TaskRule} annotations, profile invariants. */
public final class RuleCatalog {

  private static final Pattern ID = Pattern.compile("([a-z][a-z-]*)-([1-9][0-9]*)");
  private static final List<RuleInfo> BUILT_IN = build();
  private static final Map<String, RuleInfo> BY_ID = index(BUILT_IN);

  private RuleCatalog() {}

  /** Every built-in rule, ordered by category (catalog order) and number. */
  public static List<RuleInfo> builtIn() {
    return BUILT_IN;
  }

  /** The built-in rule with this id, or null. */
  public static @Nullable RuleInfo find(String id) {
    return BY_ID.get(id);
  }

  /** True when {@code id} names a category of the catalog ({@code status-99} does; {@code dom-6} does not). */
  public static boolean isCatalogCategory(String id) {
    Matcher m = ID.matcher(id);
    if (!m.matches()) {
      return false;
    }
    for (RuleCategory c : RuleCategory.values()) {
      if (c.code().equals(m.group(1))) {
        return true;
      }
    }
    return false;
  }

  /** A fresh instance of every Java rule that applies to {@code release}. */
  public static List<Rule> javaRules(FhirRelease release) {
    List<Rule> out = new ArrayList<>();
    for (Class<? extends Rule> type : BuiltInRules.JAVA) {
      if (Arrays.asList(meta(type).versions()).contains(release)) {
        out.add(instantiate(type));
      }
    }
    return out;
  }

  /** A fresh instance of every transition rule that applies to {@code release}. */
  public static List<TransitionRule> transitionRules(FhirRelease release) {
    List<TransitionRule> out = new ArrayList<>();
    for (Class<? extends TransitionRule> type : BuiltInRules.TRANSITION) {
      if (Arrays.asList(meta(type).versions()).contains(release)) {
        out.add(instantiate(type));
      }
    }
    return out;
  }

  private static <T> T instantiate(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("cannot create rule " + type.getName(), cause);
    }
  }

  /** The metadata of a Java rule class (a {@link Rule} or a {@link TransitionRule}). */
  public static TaskRule meta(Class<?> type) {
    TaskRule meta = type.getAnnotation(TaskRule.class);
    if (meta == null) {
      throw new IllegalStateException(type.getName() + " is listed in BuiltInRules but has no @TaskRule");
    }
    return meta;
  }

  private static List<RuleInfo> build() {
    List<RuleInfo> out = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>(BuiltInRules.JAVA);
    classes.addAll(BuiltInRules.TRANSITION);
    for (Class<?> type : classes) {
      TaskRule m = meta(type);
      out.add(new RuleInfo(m.id(), m.name(), m.category().code(), m.severity(), List.of(m.versions()), m.summary(),
          RuleInfo.Kind.JAVA, Arrays.stream(m.basis()).map(Enum::name).toList(), m.since(), List.of(m.ruleSets())));
    }
    for (ProfileRule p : BuiltInRules.PROFILE) {
      out.add(new RuleInfo(p.id(), p.name(), p.category().code(), p.severity(), p.versions(), p.summary(),
          RuleInfo.Kind.PROFILE, p.basis().stream().map(Enum::name).toList(), p.since()));
    }
    out.sort(Comparator.comparing((RuleInfo r) -> categoryOrder(r.category())).thenComparing(r -> number(r.id())));
    return List.copyOf(out);
  }

  private static int categoryOrder(String category) {
    for (RuleCategory c : RuleCategory.values()) {
      if (c.code().equals(category)) {
        return c.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  private static int number(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
  }

  private static Map<String, RuleInfo> index(List<RuleInfo> rules) {
    Map<String, RuleInfo> out = new LinkedHashMap<>();
    for (RuleInfo r : rules) {
      if (out.put(r.id(), r) != null) {
        throw new IllegalStateException("rule id " + r.id() + " is declared twice");
      }
    }
    return Map.copyOf(out);
  }
}
