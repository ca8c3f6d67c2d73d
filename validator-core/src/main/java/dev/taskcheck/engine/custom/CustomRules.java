package dev.taskcheck.engine.custom;

import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.TransitionRule;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The custom rules of a run: the rules of its FHIRPath rule files and of the plug-ins its class
 * loaders can see, checked when loaded. Immutable and thread-safe.
 */
public final class CustomRules {

  /** No rule file and no plug-in. */
  public static final CustomRules NONE = new CustomRules(List.of(), PluginRules.NONE);

  private final List<FhirPathRule> fileRules;
  private final PluginRules plugins;
  private final List<RuleInfo> infos;
  private final Map<String, CatalogEntry> entries;

  private CustomRules(List<FhirPathRule> fileRules, PluginRules plugins) {
    this.fileRules = List.copyOf(fileRules);
    this.plugins = plugins;
    List<RuleInfo> list = new ArrayList<>();
    Map<String, CatalogEntry> byId = new LinkedHashMap<>();
    for (Class<?> type : plugins.all()) {
      RuleInfo info = PluginRules.info(type);
      var m = RuleCatalog.meta(type);
      list.add(info);
      byId.put(
          info.id(),
          new CatalogEntry(info, type, null, "", m.replacedIn(), m.skipsEnteredInError()));
    }
    for (FhirPathRule r : fileRules) {
      RuleInfo info = r.info();
      list.add(info);
      byId.put(
          info.id(),
          new CatalogEntry(info, null, null, "", dev.taskcheck.rules.ReplacedIn.TASK, false));
    }
    this.infos = List.copyOf(list);
    this.entries = Map.copyOf(byId);
  }

  /**
   * Reads the rule files and finds the plug-ins.
   *
   * @param ruleFiles the FHIRPath rule files, each with the name errors and the catalog give it
   * @param pluginLoaders the class loaders to look for plug-in rules in (the library's own, a
   *     {@code --plugin-path}); duplicates are looked in once
   * @param reserved ids that are not free (the built-in catalog, the structure ids)
   * @throws IllegalArgumentException naming the file and line, or the class, and the problem
   */
  public static CustomRules load(
      Map<Path, String> ruleFiles, List<ClassLoader> pluginLoaders, Predicate<String> reserved) {
    List<FhirPathRule> fileRules = new ArrayList<>();
    for (Map.Entry<Path, String> f : ruleFiles.entrySet()) {
      fileRules.addAll(RuleFiles.read(f.getKey(), f.getValue()));
    }
    PluginRules plugins = PluginRules.NONE;
    List<ClassLoader> seen = new ArrayList<>();
    List<Class<? extends Rule>> rules = new ArrayList<>();
    List<Class<? extends TransitionRule>> transitions = new ArrayList<>();
    for (ClassLoader loader : pluginLoaders) {
      if (seen.contains(loader)) {
        continue;
      }
      seen.add(loader);
      PluginRules found = PluginRules.load(loader);
      for (Class<? extends Rule> t : found.rules()) {
        if (!rules.contains(t)) {
          rules.add(t);
        }
      }
      for (Class<? extends TransitionRule> t : found.transitionRules()) {
        if (!transitions.contains(t)) {
          transitions.add(t);
        }
      }
    }
    if (!rules.isEmpty() || !transitions.isEmpty()) {
      plugins = PluginRules.of(rules, transitions);
    }
    if (fileRules.isEmpty() && plugins == PluginRules.NONE) {
      return NONE;
    }
    CustomRules made = new CustomRules(fileRules, plugins);
    made.checkIds(reserved);
    return made;
  }

  private void checkIds(Predicate<String> reserved) {
    Map<String, String> where = new LinkedHashMap<>();
    for (RuleInfo r : infos) {
      String origin = r.origin() == null ? r.name() : r.origin();
      if (reserved.test(r.id())) {
        throw new IllegalArgumentException(
            origin + ": the id " + r.id() + " is already TaskCheck's; choose another");
      }
      String before = where.putIfAbsent(r.id(), origin);
      if (before != null) {
        throw new IllegalArgumentException(
            origin + ": the id " + r.id() + " is already used by " + before);
      }
    }
  }

  /** True when there is no custom rule. */
  public boolean isEmpty() {
    return infos.isEmpty();
  }

  /** The custom rules as the catalog lists them: plug-ins' first, then the rule files' in order. */
  public List<RuleInfo> infos() {
    return infos;
  }

  /** The custom rules by id, for the issue policy. */
  public Map<String, CatalogEntry> entries() {
    return entries;
  }

  /** A fresh instance of every Java rule, built-in and plug-in, that applies to {@code release}. */
  public List<Rule> javaRules(FhirRelease release) {
    List<Rule> out = new ArrayList<>(RuleCatalog.javaRules(release));
    out.addAll(RuleCatalog.instances(plugins.rules(), release));
    return out;
  }

  /** A fresh instance of every transition rule, built-in and plug-in, for {@code release}. */
  public List<TransitionRule> transitionRules(FhirRelease release) {
    List<TransitionRule> out = new ArrayList<>(RuleCatalog.transitionRules(release));
    out.addAll(RuleCatalog.instances(plugins.transitionRules(), release));
    return out;
  }

  /**
   * The stage that runs the rule files' rules, or null when none runs.
   *
   * @param runs which rule ids run (rule set and overrides)
   * @throws IllegalArgumentException naming file and line when an expression does not compile
   */
  public @Nullable Stage fileRuleStage(Predicate<String> runs) {
    if (fileRules.isEmpty()) {
      return null;
    }
    FhirPathRuleStage stage = new FhirPathRuleStage(fileRules, runs);
    return stage.isEmpty() ? null : stage;
  }
}
