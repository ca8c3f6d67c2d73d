package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.GoldenFile;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.engine.IssuePolicy;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated parts of the rule docs, kept current from the catalog: the index {@code
 * docs/rules/README.md}, and the header of each page {@code docs/rules/<id>.md} (title, summary and
 * the table of severity, rule sets, FHIR versions, implementation, basis and declared behaviour,
 * between {@link #BEGIN} and {@link #END}); the rest of a page is written by hand. To regenerate,
 * and to create the page of a new rule with the sections to write: {@code ./mvnw -pl validator-core
 * test -Dtest=RuleDocsTest -Dtaskcheck.updateDocs=true}.
 */
class RuleDocsTest {

  static final Path DOCS = TestData.root().getParent().resolve("docs/rules");
  private static final Path INDEX = DOCS.resolve("README.md");
  private static final String UPDATE = "taskcheck.updateDocs";
  private static final String REGENERATE =
      "./mvnw -pl validator-core test -Dtest=RuleDocsTest -Dtaskcheck.updateDocs=true";

  static final String BEGIN =
      "<!-- Generated from the rule's declaration by RuleDocsTest, down to the end marker: "
          + "change the declaration, then regenerate. -->\n";
  static final String END =
      "<!-- End of the generated header; the rest of the page is written by hand. -->\n";

  /**
   * What a new page starts with after its header; {@code CatalogTest} fails until every TODO is
   * written.
   */
  static final String SKELETON =
      """

      Reported at: TODO

      ## Why

      TODO

      ## Passing example

      TODO

      ## Failing example

      TODO

      ## Source

      TODO
      """;

  /** The guides of the IG rule sets, named in the basis of a rule that runs in one of them only. */
  private static final Map<RuleSet, String> GUIDES =
      Map.of(
          RuleSet.COW,
          "HL7 Clinical Order Workflows",
          RuleSet.HREX,
          "Da Vinci HRex/CDex",
          RuleSet.AU_EREQUESTING,
          "AU eRequesting");

  static String generate() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- Generated from the rule catalog by RuleDocsTest; do not edit by hand. -->\n");
    b.append("# TaskCheck rules\n\n");
    b.append(
            "Every rule TaskCheck adds to base-spec validation. Severity is the default, in the `recommended`\n")
        .append(
            "rule set; `core` keeps only rules the specification mandates (basis SPEC), `strict` raises\n")
        .append(
            "warnings to errors. `--rule ID=off|information|warning|error` overrides one rule;\n")
        .append(
            "`taskcheck rules` prints this list. *Profile* rules are invariants of the TaskCheck profiles\n")
        .append(
            "(`profiles/`), so other validators loading the package check them too; *Java* rules need\n")
        .append(
            "what FHIRPath cannot do correctly (date precision, UCUM, configuration, counting).\n\n");
    String category = null;
    for (RuleInfo r : RuleCatalog.builtIn()) {
      if (!r.category().equals(category)) {
        category = r.category();
        b.append("\n## ").append(category).append("\n\n");
        b.append("| id | name | severity | versions | kind | basis | summary |\n");
        b.append("|---|---|---|---|---|---|---|\n");
      }
      b.append("| [")
          .append(r.id())
          .append("](")
          .append(r.id())
          .append(".md) | ")
          .append(r.name())
          .append(" | ")
          .append(r.severity().code())
          .append(" | ")
          .append(versions(r))
          .append(" | ")
          .append(r.kind().code())
          .append(" | ")
          .append(String.join(", ", r.basis()))
          .append(" | ")
          .append(r.summary().replace("|", "\\|"))
          .append(" |\n");
    }
    b.append("\n## structure\n\n");
    b.append(
            "Findings of the structure engine (base specification and declared profiles) use these ids;\n")
        .append(
            "failed base invariants keep their FHIR key (`dom-6`, `tsk-1`), except `inv-1` and `per-1`,\n")
        .append("which [date-1](date-1.md) and [date-2](date-2.md) replace.\n\n");
    b.append("| id | summary |\n|---|---|\n");
    for (RuleInfo r : TaskCheck.catalog()) {
      if (r.kind() == RuleInfo.Kind.ENGINE) {
        b.append("| ")
            .append(r.id())
            .append(" | ")
            .append(r.summary().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  /** The generated header of a rule's page, markers included. */
  static String header(CatalogEntry e) {
    RuleInfo r = e.info();
    StringBuilder b = new StringBuilder(BEGIN);
    b.append("# ").append(r.id()).append(": ").append(r.name()).append("\n\n");
    b.append(r.summary()).append(".\n\n");
    b.append("| | |\n|---|---|\n");
    row(b, "Severity", r.severity().code());
    row(b, "Rule sets", ruleSets(r));
    row(b, "FHIR versions", versions(r));
    row(b, "Implemented as", implementation(e));
    row(b, "Basis", basis(r));
    if (!e.replaces().isEmpty()) {
      row(
          b,
          "Replaces",
          "the base invariant `"
              + e.replaces()
              + "` "
              + (e.replacedIn() == ReplacedIn.TASK
                  ? "on the Task itself"
                  : "anywhere in the Task outside contained resources")
              + ": its findings are dropped");
    }
    if (e.skipsEnteredInError()) {
      row(
          b,
          "Entered-in-error Tasks",
          "not checked: the rule's findings on them are dropped " + "([status-10](status-10.md))");
    }
    return b.append('\n').append(END).toString();
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  private static String versions(RuleInfo r) {
    return r.versions().stream().map(FhirRelease::code).collect(Collectors.joining(", "));
  }

  /**
   * The sets that run the rule and, where it differs from the default, the severity they give it.
   */
  private static String ruleSets(RuleInfo r) {
    Map<RuleSet, Severity> graded = new EnumMap<>(RuleSet.class);
    for (RuleSet s : RuleSet.values()) {
      Severity v = new IssuePolicy(s, Map.of(), Set.of(), List.of(), Instant.EPOCH).severityOf(r);
      if (v != null) {
        graded.put(s, v);
      }
    }
    Set<RuleSet> all = Set.of(RuleSet.values());
    String out;
    if (graded.keySet().equals(all)) {
      out = "all, `core` included (a specification constraint)";
    } else if (graded.size() == all.size() - 1 && !graded.containsKey(RuleSet.CORE)) {
      out = "all but `core`, which keeps specification constraints only";
    } else {
      out = "only " + sets(List.copyOf(graded.keySet()));
      if (graded.size() == 1) {
        out += " (`--rule-set " + graded.keySet().iterator().next().code() + "`)";
      }
    }
    Map<Severity, List<RuleSet>> regraded = new LinkedHashMap<>();
    graded.forEach(
        (s, v) -> {
          if (v != r.severity()) {
            regraded.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
          }
        });
    for (Map.Entry<Severity, List<RuleSet>> g : regraded.entrySet()) {
      out += "; " + g.getKey().code() + " in " + sets(g.getValue());
    }
    return out;
  }

  private static String sets(List<RuleSet> sets) {
    List<String> codes = sets.stream().map(s -> "`" + s.code() + "`").toList();
    return codes.size() == 1
        ? codes.get(0)
        : String.join(", ", codes.subList(0, codes.size() - 1))
            + " and "
            + codes.get(codes.size() - 1);
  }

  private static String implementation(CatalogEntry e) {
    if (e.type() != null) {
      return (TransitionRule.class.isAssignableFrom(e.type())
              ? "Java transition rule `"
              : "Java rule `")
          + e.type().getName()
          + "`";
    }
    String profile = Objects.requireNonNull(e.profile());
    return "invariant `"
        + e.id()
        + "` in profile `"
        + profile.substring(profile.lastIndexOf('/') + 1)
        + "`";
  }

  private static String basis(RuleInfo r) {
    List<String> meanings = new ArrayList<>();
    for (String basis : r.basis()) {
      meanings.add(
          switch (RuleBasis.valueOf(basis)) {
            case SPEC -> "specification constraint";
            case TEXT -> "specification text";
            case IG ->
                r.ruleSets().size() == 1
                    ? GUIDES.get(RuleSet.fromCode(r.ruleSets().get(0)))
                    : "implementation guide";
            case BP -> "best practice";
          });
    }
    return String.join(", ", r.basis()) + " (" + String.join("; ", meanings) + ")";
  }

  /**
   * The page with its generated header current: the part between the markers replaced, or the page
   * of a new rule, its header followed by the sections to write.
   *
   * @throws AssertionError when the page has lost its markers
   */
  static String current(CatalogEntry e, Path page) throws IOException {
    if (!Files.exists(page)) {
      return header(e) + SKELETON;
    }
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(
            begin == 0
                && end > begin
                && text.indexOf(BEGIN, 1) < 0
                && text.indexOf(END, end + 1) < 0)
        .as(
            "%s starts with the generated header, once, between the lines%n%s...%n%s(put them back around the "
                + "title, summary and table, then regenerate with: %s)",
            page, BEGIN, END, REGENERATE)
        .isTrue();
    return header(e) + text.substring(end + END.length());
  }

  @Test
  void theIndexIsCurrent() throws IOException {
    GoldenFile.assertCurrent(INDEX, generate(), UPDATE, REGENERATE);
  }

  @Test
  void everyPageHeaderIsCurrent() throws IOException {
    List<String> stale = new ArrayList<>();
    for (CatalogEntry e : RuleCatalog.entries()) {
      Path page = DOCS.resolve(e.id() + ".md");
      String expected = current(e, page);
      if (Boolean.getBoolean(UPDATE)) {
        Files.writeString(page, expected, StandardCharsets.UTF_8);
      }
      if (!Files.exists(page) || !Files.readString(page, StandardCharsets.UTF_8).equals(expected)) {
        stale.add(e.id());
      }
    }
    assertThat(stale)
        .as(
            "rule pages whose generated header is missing or stale (review the declaration, then "
                + "regenerate with: %s)",
            REGENERATE)
        .isEmpty();
  }
}
