package dev.taskcheck.rules.catalog;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.rules.ProfileRule;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionRule;
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

/**
 * The catalog of the built-in rules: Java rules from their {@link TaskRule} annotations (named
 * after their class), profile invariants from their {@link ProfileRule} declarations.
 */
public final class RuleCatalog {

  private static final Pattern ID = Pattern.compile("([a-z][a-z-]*)-([1-9][0-9]*)");
  private static final List<CatalogEntry> ENTRIES = build();
  private static final List<RuleInfo> BUILT_IN = ENTRIES.stream().map(CatalogEntry::info).toList();
  private static final Map<String, CatalogEntry> BY_ID = index(ENTRIES);
  private static final Map<String, CatalogEntry> BY_REPLACED = replacements(ENTRIES);

  private RuleCatalog() {}

  /** Every built-in rule, ordered by category (catalog order) and number. */
  public static List<RuleInfo> builtIn() {
    return BUILT_IN;
  }

  /** The built-in rule with this id, or null. */
  public static @Nullable RuleInfo find(String id) {
    CatalogEntry entry = BY_ID.get(id);
    return entry == null ? null : entry.info();
  }

  /**
   * Every built-in rule with where it is implemented and the behaviour it declares, in catalog
   * order.
   */
  public static List<CatalogEntry> entries() {
    return ENTRIES;
  }

  /** The built-in rule with this id, with its declared behaviour, or null. */
  public static @Nullable CatalogEntry entry(String id) {
    return BY_ID.get(id);
  }

  /**
   * The rule that replaces the base invariant {@code key} ({@code date-1} for {@code inv-1}), or
   * null.
   */
  public static @Nullable CatalogEntry replacing(String key) {
    return BY_REPLACED.get(key);
  }

  /**
   * True when {@code id} names a category of the catalog ({@code status-99} does; {@code dom-6}
   * does not).
   */
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
    return instances(BuiltInRules.JAVA, release);
  }

  /** A fresh instance of every transition rule that applies to {@code release}. */
  public static List<TransitionRule> transitionRules(FhirRelease release) {
    return instances(BuiltInRules.TRANSITION, release);
  }

  /**
   * A fresh instance of each of these rule classes that applies to {@code release} (by its {@link
   * TaskRule#versions}).
   */
  public static <T> List<T> instances(List<Class<? extends T>> types, FhirRelease release) {
    List<T> out = new ArrayList<>();
    for (Class<? extends T> type : types) {
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
      throw new IllegalStateException(
          type.getName() + " is listed in BuiltInRules but has no @TaskRule");
    }
    return meta;
  }

  /**
   * A Java rule class's catalog entry, from its {@link TaskRule}: a built-in rule's, or a plug-in's
   * (its category the id's prefix, with where it comes from and its documentation URL).
   */
  public static RuleInfo info(
      Class<?> type,
      String category,
      RuleInfo.Kind kind,
      @Nullable String origin,
      @Nullable String documentation) {
    TaskRule m = meta(type);
    return new RuleInfo(
        m.id(),
        type.getSimpleName(),
        category,
        m.severity(),
        List.of(m.versions()),
        m.summary(),
        kind,
        Arrays.stream(m.basis()).map(Enum::name).toList(),
        m.since(),
        Arrays.stream(m.ruleSets()).map(RuleSet::code).toList(),
        origin,
        documentation);
  }

  private static List<CatalogEntry> build() {
    List<CatalogEntry> out = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>(BuiltInRules.JAVA);
    classes.addAll(BuiltInRules.TRANSITION);
    for (Class<?> type : classes) {
      TaskRule m = meta(type);
      RuleInfo info = info(type, m.category().code(), RuleInfo.Kind.JAVA, null, null);
      out.add(
          new CatalogEntry(
              info, type, null, m.replaces(), m.replacedIn(), m.skipsEnteredInError()));
    }
    for (ProfileRule p : BuiltInRules.PROFILE) {
      RuleInfo info =
          new RuleInfo(
              p.id(),
              p.name(),
              p.category().code(),
              p.severity(),
              p.versions(),
              p.summary(),
              RuleInfo.Kind.PROFILE,
              p.basis().stream().map(Enum::name).toList(),
              p.since(),
              p.ruleSets().stream().map(RuleSet::code).toList());
      out.add(
          new CatalogEntry(
              info, null, p.profile(), p.replaces(), p.replacedIn(), p.skipsEnteredInError()));
    }
    out.sort(
        Comparator.comparing((CatalogEntry e) -> categoryOrder(e.info().category()))
            .thenComparing(e -> number(e.id())));
    return List.copyOf(out);
  }

  // the catalog is ordered as the categories are declared
  @SuppressWarnings("EnumOrdinal")
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

  private static Map<String, CatalogEntry> index(List<CatalogEntry> rules) {
    Map<String, CatalogEntry> out = new LinkedHashMap<>();
    for (CatalogEntry r : rules) {
      if (out.put(r.id(), r) != null) {
        throw new IllegalStateException("rule id " + r.id() + " is declared twice");
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, CatalogEntry> replacements(List<CatalogEntry> rules) {
    Map<String, CatalogEntry> out = new LinkedHashMap<>();
    for (CatalogEntry r : rules) {
      CatalogEntry other = r.replaces().isEmpty() ? null : out.put(r.replaces(), r);
      if (other != null) {
        throw new IllegalStateException(
            other.id() + " and " + r.id() + " both replace " + r.replaces());
      }
    }
    return Map.copyOf(out);
  }
}
