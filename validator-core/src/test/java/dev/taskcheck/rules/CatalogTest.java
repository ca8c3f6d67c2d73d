package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.catalog.BuiltInRules;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Catalog meta-tests, after Checkstyle's AllChecksTest: the registry, the annotations, the
 * profiles, the messages, the docs and the fixtures agree with each other and with the catalog of
 * RULES.md.
 */
class CatalogTest {

  /**
   * The rule ids of RULES.md that TaskCheck implements: sections status, failure (failure-1 and
   * failure-6 are 1.4.0's), date, progress, transition (transition-16 is 1.4.0's), and the IG rule
   * sets' own rules (cow-1..4; hrex-1 and au-1..2 carry the sets' status subsets and AU's
   * statusReason text, which RULES.md lists without ids). A new rule adds its id here.
   */
  private static final Set<String> RULES_MD =
      ids(
          "status",
          10,
          "failure",
          6,
          "date",
          6,
          "progress",
          11,
          "transition",
          16,
          "cow",
          4,
          "hrex",
          1,
          "au",
          2);

  private static final Pattern ID = Pattern.compile("([a-z]+)-([1-9][0-9]*)");

  private static Set<String> ids(Object... categoryAndCount) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < categoryAndCount.length; i += 2) {
      for (int n = 1; n <= (Integer) categoryAndCount[i + 1]; n++) {
        out.add(categoryAndCount[i] + "-" + n);
      }
    }
    return out;
  }

  private static List<RuleInfo> rules() {
    return RuleCatalog.builtIn();
  }

  @Test
  void theCatalogIsTheOneOfRulesMd() {
    Set<String> declared = new TreeSet<>();
    rules().forEach(r -> declared.add(r.id()));
    Set<String> unlisted = new TreeSet<>(declared);
    unlisted.removeAll(RULES_MD);
    Set<String> undeclared = new TreeSet<>(RULES_MD);
    undeclared.removeAll(declared);
    assertThat(unlisted)
        .as(
            "rules declared in BuiltInRules that CatalogTest.RULES_MD does not list: give a new "
                + "rule its row in the catalog of RULES.md (a new id, <category>-<next number>: ids are never reused), "
                + "then add its id to CatalogTest.RULES_MD")
        .isEmpty();
    assertThat(undeclared)
        .as(
            "ids of CatalogTest.RULES_MD that no rule declares: list the rule class in "
                + "BuiltInRules.JAVA or BuiltInRules.TRANSITION, or the profile invariant in BuiltInRules.PROFILE (ids are "
                + "never removed: a withdrawn rule stays in RULES.md as such)")
        .isEmpty();
  }

  @Test
  void idsAreUniqueAndNamedAfterTheirCategory() {
    Set<String> seen = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (RuleInfo r : rules()) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(names.add(r.name())).as("duplicate name %s", r.name()).isTrue();
      Matcher m = ID.matcher(r.id());
      assertThat(m.matches()).as("id %s is <category>-<n>", r.id()).isTrue();
      assertThat(m.group(1)).isEqualTo(r.category());
      assertThat(r.name()).matches("[A-Z][A-Za-z0-9]+");
    }
  }

  @Test
  void metadataIsComplete() {
    for (RuleInfo r : rules()) {
      assertThat(r.summary()).as(r.id()).isNotBlank().doesNotContain("\n").doesNotEndWith(".");
      assertThat(r.summary().length())
          .as(r.id() + " summary is one short line")
          .isLessThanOrEqualTo(110);
      assertThat(r.severity()).as(r.id()).isNotEqualTo(Severity.FATAL);
      assertThat(r.versions()).as(r.id()).isNotEmpty();
      assertThat(r.basis()).as(r.id()).isNotEmpty();
      assertThat(r.since()).as(r.id()).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    }
    assertThat(TaskCheck.catalog()).extracting(RuleInfo::id).containsAll(RULES_MD);
  }

  @Test
  void everyRuleClassIsRegisteredAndEveryRegisteredClassIsARule() {
    Set<Class<?>> registered = new HashSet<>(BuiltInRules.JAVA);
    registered.addAll(BuiltInRules.TRANSITION);
    Set<String> found = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.taskcheck.rules")) {
      if ((c.isAssignableTo(Rule.class) || c.isAssignableTo(TransitionRule.class))
          && !c.isInterface()) {
        found.add(c.getName());
      }
    }
    Set<String> names = new TreeSet<>();
    registered.forEach(c -> names.add(c.getName()));
    assertThat(found).isEqualTo(names);
    for (Class<?> type : registered) {
      assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      TaskRule meta = type.getAnnotation(TaskRule.class);
      assertThat(meta).as("%s has @TaskRule", type).isNotNull();
      assertThat(type.getPackageName())
          .as("package of %s", meta.id())
          .endsWith("." + meta.category().code());
    }
  }

  /**
   * The defaults of {@link TaskRule} are those of {@link ProfileRule}'s short constructor, and its
   * releases and since are catalog v1's: R4, R4B and R5 (not every {@link FhirRelease}), 0.1.0.
   */
  @Test
  void profileRulesHaveTheDefaultsOfJavaRules() throws ReflectiveOperationException {
    ProfileRule defaults =
        new ProfileRule(
            "status-99",
            "Example",
            RuleCategory.STATUS,
            Severity.WARNING,
            ProfileRule.TASK_PROFILE,
            List.of(RuleBasis.BP),
            "An example");
    int compared = 0;
    for (Method attribute : TaskRule.class.getDeclaredMethods()) {
      Object value = attribute.getDefaultValue();
      if (value == null || attribute.getName().equals("documentation")) {
        // documentation is a plug-in rule's own URL; built-in rules have docs/rules/<id>.md
        continue;
      }
      Object declared = ProfileRule.class.getMethod(attribute.getName()).invoke(defaults);
      assertThat(declared instanceof List<?> list ? list.toArray() : declared)
          .as("ProfileRule's default %s is TaskRule's", attribute.getName())
          .isEqualTo(value);
      compared++;
    }
    assertThat(compared).isEqualTo(6);
    assertThat(defaults.versions())
        .isEqualTo(ProfileRule.V1_RELEASES)
        .containsExactly(FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5);
    assertThat(defaults.since()).isEqualTo(TaskRule.FIRST_RELEASE).isEqualTo("0.1.0");
  }

  /** CUSTOM and a documentation URL are for plug-in rules only. */
  @Test
  void noBuiltInRuleUsesWhatIsForPlugIns() {
    for (var e : dev.taskcheck.rules.catalog.RuleCatalog.entries()) {
      assertThat(e.info().category()).as(e.id()).isNotEqualTo(RuleCategory.CUSTOM.code());
      assertThat(e.info().origin()).as(e.id()).isNull();
      if (e.type() != null) {
        assertThat(e.type().getAnnotation(TaskRule.class).documentation()).as(e.id()).isEmpty();
      }
    }
  }

  /**
   * The behaviour rules declare: date-1 and date-2 replace the base inv-1 (on the Task) and per-1
   * (anywhere in it), and the progress rules, all of them and only they, skip entered-in-error
   * Tasks (status-10).
   */
  @Test
  void declaredBehaviourIsTheCatalogs() {
    assertThat(RuleCatalog.replacing("inv-1"))
        .extracting(CatalogEntry::id, CatalogEntry::replacedIn)
        .containsExactly("date-1", ReplacedIn.TASK);
    assertThat(RuleCatalog.replacing("per-1"))
        .extracting(CatalogEntry::id, CatalogEntry::replacedIn)
        .containsExactly("date-2", ReplacedIn.TASK_ELEMENTS);
    assertThat(RuleCatalog.replacing("inv-2"))
        .extracting(CatalogEntry::id, CatalogEntry::replacedIn)
        .containsExactly("failure-1", ReplacedIn.TASK);
    assertThat(RuleCatalog.entries()).filteredOn(e -> !e.replaces().isEmpty()).hasSize(3);
    Set<String> skipping = new TreeSet<>();
    Set<String> progress = new TreeSet<>();
    for (CatalogEntry e : RuleCatalog.entries()) {
      if (e.skipsEnteredInError()) {
        skipping.add(e.id());
      }
      if (e.info().category().equals(RuleCategory.PROGRESS.code())) {
        progress.add(e.id());
      }
    }
    assertThat(skipping)
        .as(
            "the rules that skip entered-in-error Tasks are the progress rules (declare "
                + "skipsEnteredInError = true on a progress rule, in its @TaskRule or ProfileRule)")
        .isEqualTo(progress)
        .hasSize(11);
  }

  /**
   * The {@link MessageKey} constants of a Java rule class, each a {@code static final String}: its
   * keys.
   */
  static Set<String> messageKeys(Class<?> type) {
    Set<String> out = new TreeSet<>();
    for (Field f : type.getDeclaredFields()) {
      if (!f.isAnnotationPresent(MessageKey.class)) {
        continue;
      }
      assertThat(
              Modifier.isStatic(f.getModifiers())
                  && Modifier.isFinal(f.getModifiers())
                  && f.getType() == String.class)
          .as("@MessageKey %s.%s is a static final String", type.getSimpleName(), f.getName())
          .isTrue();
      try {
        f.setAccessible(true);
        out.add((String) f.get(null));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** Every {@code <rule id>.<key>} of the Java rules' {@link MessageKey} constants. */
  static Set<String> declaredMessages() {
    Set<String> out = new TreeSet<>();
    List<Class<?>> classes = new ArrayList<>(BuiltInRules.JAVA);
    classes.addAll(BuiltInRules.TRANSITION);
    for (Class<?> type : classes) {
      String id = RuleCatalog.meta(type).id();
      Set<String> keys = messageKeys(type);
      assertThat(keys)
          .as("%s declares the keys it reports with as @MessageKey constants", id)
          .isNotEmpty();
      keys.forEach(k -> out.add(id + "." + k));
    }
    return out;
  }

  @Test
  void everyMessageKeyHasItsMessageAndEveryMessageItsKey() {
    Set<String> declared = declaredMessages();
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(RuleMessages.keys());
    Set<String> unused = new TreeSet<>(RuleMessages.keys());
    unused.removeAll(declared);
    assertThat(missing)
        .as(
            "@MessageKey constants without their <rule id>.<key> line in "
                + "validator-core/src/main/resources/dev/taskcheck/rules/messages.properties")
        .isEmpty();
    assertThat(unused)
        .as(
            "messages.properties keys that no rule declares as a @MessageKey constant (remove them, "
                + "or declare the constant in the rule)")
        .isEmpty();
  }

  @Test
  void everyProfileInvariantIsACatalogRuleWithTheSameSeverity() throws IOException {
    Map<String, Set<FhirRelease>> keysByRelease = new HashMap<>();
    for (FhirRelease release : ProfileRule.PACKAGE_RELEASES) {
      for (JsonNode sd : structureDefinitions(release)) {
        for (JsonNode element : sd.path("differential").path("element")) {
          for (JsonNode c : element.path("constraint")) {
            String key = c.get("key").asText();
            RuleInfo rule = RuleCatalog.find(key);
            assertThat(rule)
                .as(
                    "invariant %s in %s (%s) is a catalog rule",
                    key, sd.get("url").asText(), release)
                .isNotNull();
            assertThat(rule.kind()).isEqualTo(RuleInfo.Kind.PROFILE);
            assertThat(c.get("severity").asText())
                .as("severity of %s", key)
                .isEqualTo(rule.severity() == Severity.ERROR ? "error" : "warning");
            assertThat(c.get("source").asText())
                .as("source of %s", key)
                .isEqualTo(sd.get("url").asText());
            ProfileRule declared =
                BuiltInRules.PROFILE.stream()
                    .filter(p -> p.id().equals(key))
                    .findFirst()
                    .orElseThrow();
            assertThat(sd.get("url").asText())
                .as("profile of %s", key)
                .isEqualTo(declared.profile());
            keysByRelease.computeIfAbsent(key, k -> new HashSet<>()).add(release);
          }
        }
      }
    }
    for (ProfileRule p : BuiltInRules.PROFILE) {
      assertThat(keysByRelease.get(p.id()))
          .as("%s is an invariant in every release it declares", p.id())
          .containsExactlyInAnyOrderElementsOf(p.versions());
    }
  }

  /**
   * Every rule has its page, with the sections written; {@link RuleDocsTest} keeps the header
   * current.
   */
  @Test
  void everyRuleIsDocumented() throws IOException {
    for (RuleInfo r : rules()) {
      Path doc = RuleDocsTest.DOCS.resolve(r.id() + ".md");
      assertThat(doc)
          .as(
              "docs/rules/%s.md (create it with: ./mvnw -pl validator-core test -Dtest=RuleDocsTest "
                  + "-Dtaskcheck.updateDocs=true)",
              r.id())
          .exists();
      String text = Files.readString(doc);
      assertThat(text)
          .as(r.id())
          .contains(
              RuleDocsTest.END + "\nReported at: ",
              "\n## Why\n",
              "\n## Passing example\n",
              "\n## Failing example\n",
              "\n## Source\n")
          .as("docs/rules/%s.md has every section written", r.id())
          .doesNotContain("TODO");
    }
  }

  @Test
  void everyRuleHasPassingAndFailingFixturesForEveryVersion() throws IOException {
    List<RuleFixturesTest.Case> cases = RuleFixturesTest.all();
    for (RuleInfo r : rules()) {
      for (FhirRelease v : r.versions()) {
        List<RuleFixturesTest.Case> mine = new ArrayList<>();
        for (RuleFixturesTest.Case c : cases) {
          if (c.rule().equals(r.id()) && c.release() == v) {
            mine.add(c);
          }
        }
        assertThat(mine)
            .as("%s has a passing case in %s", r.id(), v)
            .anyMatch(c -> c.expected().stream().noneMatch(e -> e.startsWith(r.id() + " ")));
        assertThat(mine)
            .as("%s has a failing case in %s", r.id(), v)
            .anyMatch(c -> c.expected().stream().anyMatch(e -> e.startsWith(r.id() + " ")));
      }
    }
  }

  private static List<JsonNode> structureDefinitions(FhirRelease release) throws IOException {
    String folder =
        "dev/taskcheck/profiles/" + release.code().toLowerCase(java.util.Locale.ROOT) + "/package/";
    ObjectMapper json = new ObjectMapper();
    JsonNode index;
    try (InputStream in =
        CatalogTest.class.getClassLoader().getResourceAsStream(folder + ".index.json")) {
      assertThat(in).as(folder + ".index.json").isNotNull();
      index = json.readTree(in);
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : index.get("files")) {
      if (!"StructureDefinition".equals(f.path("resourceType").asText())) {
        continue;
      }
      try (InputStream in =
          CatalogTest.class
              .getClassLoader()
              .getResourceAsStream(folder + f.get("filename").asText())) {
        out.add(json.readTree(in));
      }
    }
    return out;
  }
}
