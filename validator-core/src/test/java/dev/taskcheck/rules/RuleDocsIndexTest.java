package dev.taskcheck.rules;

import dev.taskcheck.rules.catalog.RuleCatalog;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.GoldenFile;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules/README.md} is generated from the catalog; this test keeps it current. To regenerate:
 * {@code ./mvnw -pl validator-core test -Dtest=RuleDocsIndexTest -Dtaskcheck.updateDocs=true}.
 */
class RuleDocsIndexTest {

  private static final Path INDEX = TestData.root().getParent().resolve("docs/rules/README.md");

  static String generate() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- Generated from the rule catalog by RuleDocsIndexTest; do not edit by hand. -->\n");
    b.append("# TaskCheck rules\n\n");
    b.append("Every rule TaskCheck adds to base-spec validation. Severity is the default, in the `recommended`\n")
        .append("rule set; `core` keeps only rules the specification mandates (basis SPEC), `strict` raises\n")
        .append("warnings to errors. `--rule ID=off|information|warning|error` overrides one rule;\n")
        .append("`taskcheck rules` prints this list. *Profile* rules are invariants of the TaskCheck profiles\n")
        .append("(`profiles/`), so other validators loading the package check them too; *Java* rules need\n")
        .append("what FHIRPath cannot do correctly (date precision, UCUM, configuration, counting).\n\n");
    String category = null;
    for (RuleInfo r : RuleCatalog.builtIn()) {
      if (!r.category().equals(category)) {
        category = r.category();
        b.append("\n## ").append(category).append("\n\n");
        b.append("| id | name | severity | versions | kind | basis | summary |\n");
        b.append("|---|---|---|---|---|---|---|\n");
      }
      b.append("| [").append(r.id()).append("](").append(r.id()).append(".md) | ").append(r.name())
          .append(" | ").append(r.severity().code())
          .append(" | ").append(r.versions().stream().map(FhirRelease::code).collect(Collectors.joining(", ")))
          .append(" | ").append(r.kind().code())
          .append(" | ").append(String.join(", ", r.basis()))
          .append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
    }
    b.append("\n## structure\n\n");
    b.append("Findings of the structure engine (base specification and declared profiles) use these ids;\n")
        .append("failed base invariants keep their FHIR key (`dom-6`, `tsk-1`), except `inv-1` and `per-1`,\n")
        .append("which [date-1](date-1.md) and [date-2](date-2.md) replace.\n\n");
    b.append("| id | summary |\n|---|---|\n");
    for (RuleInfo r : TaskCheck.catalog()) {
      if (r.kind() == RuleInfo.Kind.ENGINE) {
        b.append("| ").append(r.id()).append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
      }
    }
    return b.toString();
  }

  @Test
  void theIndexIsCurrent() throws IOException {
    GoldenFile.assertCurrent(INDEX, generate(), "taskcheck.updateDocs",
        "./mvnw -pl validator-core test -Dtest=RuleDocsIndexTest -Dtaskcheck.updateDocs=true");
  }
}
