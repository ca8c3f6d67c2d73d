package dev.taskcheck.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code taskcheck rules}: the rule catalog and the ids structure findings are reported under. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists the rule catalog and the stable ids of structure findings.")
final class RulesCommand implements Callable<Integer> {

  private final PrintStream out;

  @Spec private CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text (default) or json.")
  private String format = "text";

  @picocli.CommandLine.Mixin private CustomRuleOptions customRules = new CustomRuleOptions();

  RulesCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    List<RuleInfo> catalog;
    if (customRules.isEmpty()) {
      catalog = TaskCheck.catalog();
    } else {
      TaskCheck.Builder builder = TaskCheck.builder();
      customRules.applyTo(builder);
      try {
        catalog = builder.build().rules();
      } catch (IllegalArgumentException e) {
        String option = customRules.optionOf(String.valueOf(e.getMessage()));
        throw new dev.taskcheck.TaskCheckException(
            (option == null ? "" : option + " ") + e.getMessage(), e);
      }
    }
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> text(catalog);
      case "json" -> json(catalog);
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--format: unknown format '" + format + "' (expected text or json)");
    }
    out.flush();
    return Main.OK;
  }

  private void text(List<RuleInfo> catalog) {
    List<RuleInfo> rules = catalog.stream().filter(r -> r.kind() != RuleInfo.Kind.ENGINE).toList();
    List<RuleInfo> engine = catalog.stream().filter(r -> r.kind() == RuleInfo.Kind.ENGINE).toList();
    out.println(
        "Task rules ("
            + rules.size()
            + "; severities of the recommended rule set; docs: docs/rules/<id>.md)");
    for (RuleInfo r : rules) {
      out.printf(
          Locale.ROOT,
          "  %-12s %-12s %-8s %s%s%n",
          r.id(),
          r.severity().code(),
          r.kind().code(),
          r.summary(),
          r.origin() == null ? "" : " [" + r.origin() + "]");
    }
    out.println();
    out.println(
        "Structure findings ("
            + engine.size()
            + " ids; base invariants keep their FHIR key, e.g. inv-1)");
    for (RuleInfo r : engine) {
      out.printf(Locale.ROOT, "  %-26s %s%n", r.id(), r.summary());
    }
  }

  private void json(List<RuleInfo> catalog) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "taskcheck");
      g.writeStringField("version", TaskCheck.version());
      g.writeEndObject();
      g.writeArrayFieldStart("rules");
      for (RuleInfo r : catalog) {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        g.writeStringField("category", r.category());
        g.writeStringField("severity", r.severity().code());
        g.writeArrayFieldStart("versions");
        for (FhirRelease v : r.versions()) {
          g.writeString(v.code());
        }
        g.writeEndArray();
        g.writeStringField("summary", r.summary());
        g.writeStringField("kind", r.kind().code());
        g.writeArrayFieldStart("basis");
        for (String b : r.basis()) {
          g.writeString(b);
        }
        g.writeEndArray();
        g.writeStringField("since", r.since());
        if (r.origin() != null) {
          // a custom rule: its rule file and line, or its plug-in's jar and class
          g.writeStringField("origin", r.origin());
        }
        if (r.isCustom()) {
          g.writeStringField("documentation", r.docUrl());
        }
        if (!r.ruleSets().isEmpty()) {
          // a rule of an implementation guide's set runs only there (or when switched on with
          // --rule)
          g.writeArrayFieldStart("ruleSets");
          for (String set : r.ruleSets()) {
            g.writeString(set);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
