package dev.taskcheck.engine.custom;

import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.rules.RuleMessages;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionRule;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Java rule plug-ins: {@link Rule} and {@link TransitionRule} classes a jar declares in {@code
 * META-INF/services/dev.taskcheck.rules.Rule} (or {@code ...TransitionRule}), found with {@link
 * ServiceLoader}. Each class is held to what the catalog meta-tests hold built-in rules to, when it
 * is loaded: a {@link TaskRule} with an id of its own prefix, {@link RuleCategory#CUSTOM}, a
 * severity that is not fatal, a one-line summary without a trailing period, releases and a basis,
 * no replaced invariant, and a message for every {@link MessageKey} in the {@code
 * messages.properties} of its package. Anything else is an {@link IllegalArgumentException} naming
 * the class.
 */
final class PluginRules {

  private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+.*");

  private final List<Class<? extends Rule>> rules;
  private final List<Class<? extends TransitionRule>> transitionRules;

  private PluginRules(
      List<Class<? extends Rule>> rules, List<Class<? extends TransitionRule>> transitionRules) {
    this.rules = List.copyOf(rules);
    this.transitionRules = List.copyOf(transitionRules);
  }

  static final PluginRules NONE = new PluginRules(List.of(), List.of());

  static PluginRules of(
      List<Class<? extends Rule>> rules, List<Class<? extends TransitionRule>> transitionRules) {
    return new PluginRules(rules, transitionRules);
  }

  /** The plug-in rules {@code loader} can see, in the order the services files list them. */
  static PluginRules load(ClassLoader loader) {
    List<Class<? extends Rule>> rules = new ArrayList<>();
    List<Class<? extends TransitionRule>> transitions = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<Rule> p :
          ServiceLoader.load(Rule.class, loader).stream().toList()) {
        if (!RuleMessages.isBuiltIn(p.type())) {
          rules.add(checked(p.type()));
        }
      }
      for (ServiceLoader.Provider<TransitionRule> p :
          ServiceLoader.load(TransitionRule.class, loader).stream().toList()) {
        if (!RuleMessages.isBuiltIn(p.type())) {
          transitions.add(checked(p.type()));
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException("a rule plug-in cannot be loaded: " + e.getMessage(), e);
    }
    return rules.isEmpty() && transitions.isEmpty() ? NONE : new PluginRules(rules, transitions);
  }

  List<Class<? extends Rule>> rules() {
    return rules;
  }

  List<Class<? extends TransitionRule>> transitionRules() {
    return transitionRules;
  }

  /** Every plug-in rule class, single-Task rules first. */
  List<Class<?>> all() {
    List<Class<?>> out = new ArrayList<>(rules);
    out.addAll(transitionRules);
    return out;
  }

  /** A plug-in rule as the catalog lists it. */
  static RuleInfo info(Class<?> type) {
    TaskRule m = RuleCatalog.meta(type);
    return RuleCatalog.info(
        type,
        RuleIds.prefix(m.id()),
        RuleInfo.Kind.PLUGIN,
        origin(type),
        m.documentation().isEmpty() ? null : m.documentation());
  }

  /** Where a plug-in class comes from: its jar (or folder), else its class name. */
  static String origin(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        Path p = Path.of(source.getLocation().toURI());
        Path name = p.getFileName();
        return (name == null ? p.toString() : name.toString()) + " (" + type.getName() + ")";
      } catch (URISyntaxException | IllegalArgumentException e) {
        return source.getLocation() + " (" + type.getName() + ")";
      }
    }
    return type.getName();
  }

  private static <T> Class<? extends T> checked(Class<? extends T> type) {
    TaskRule m = type.getAnnotation(TaskRule.class);
    String name = "the plug-in rule " + type.getName();
    if (m == null) {
      throw new IllegalArgumentException(name + " has no @TaskRule annotation");
    }
    String problem = RuleIds.problem(m.id());
    if (problem != null) {
      throw new IllegalArgumentException(name + ": " + problem);
    }
    if (m.category() != RuleCategory.CUSTOM) {
      throw new IllegalArgumentException(
          name + ": a plug-in rule's category is CUSTOM (its catalog category is its id's prefix)");
    }
    if (m.severity() == Severity.FATAL) {
      throw new IllegalArgumentException(name + ": a rule is never fatal (use error)");
    }
    if (m.summary().isBlank() || m.summary().endsWith(".") || m.summary().contains("\n")) {
      throw new IllegalArgumentException(
          name + ": its summary is one line with no trailing period");
    }
    if (m.versions().length == 0) {
      throw new IllegalArgumentException(name + ": it applies to no FHIR release (versions)");
    }
    if (m.basis().length == 0) {
      throw new IllegalArgumentException(name + ": it gives no basis");
    }
    if (!m.replaces().isEmpty()) {
      throw new IllegalArgumentException(
          name + ": a plug-in rule cannot replace a base invariant (replaces)");
    }
    if (!VERSION.matcher(m.since()).matches()) {
      throw new IllegalArgumentException(name + ": since is a version such as 1.0.0");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(name + " is abstract");
    }
    List<String> keys = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (f.isAnnotationPresent(MessageKey.class)) {
        if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
          throw new IllegalArgumentException(
              name + ": the @MessageKey " + f.getName() + " is not a static String");
        }
        try {
          f.setAccessible(true);
          keys.add((String) f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalArgumentException(
              name + ": the @MessageKey " + f.getName() + " cannot be read", e);
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(name + " declares no @MessageKey constant to report with");
    }
    for (String key : keys) {
      if (!RuleMessages.has(type, m.id(), key)) {
        throw new IllegalArgumentException(
            name
                + ": no message "
                + m.id()
                + "."
                + key
                + " in "
                + type.getPackageName().replace('.', '/')
                + "/messages.properties");
      }
    }
    return type;
  }
}
