package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a code outside its required value set: {@code Task.status}, {@code intent}, {@code
 * priority}, {@code Narrative.status}, {@code Identifier.use}, {@code Quantity.comparator}, the
 * address, name and contact point codes, {@code Bundle.type}, {@code request.method}, {@code
 * search.mode}. Variants: {@code case} (another letter case), {@code synonym} (a plausible wrong
 * word), {@code other-set} (a code of another value set), {@code other-release} (a code only the
 * other release has), {@code typo}.
 */
final class BadCode extends BaseOperator {

  private static final Map<String, List<String>> SYNONYMS =
      Map.ofEntries(
          Map.entry(
              "task-status",
              List.of("done", "open", "closed", "pending", "active", "canceled", "finished")),
          Map.entry("task-intent", List.of("request", "orders", "directive", "instance")),
          Map.entry("request-priority", List.of("normal", "high", "low", "emergency")),
          Map.entry("narrative-status", List.of("text", "none", "auto", "complete")),
          Map.entry("identifier-use", List.of("primary", "main", "business")),
          Map.entry("quantity-comparator", List.of("=", "==", "<>", "~")),
          Map.entry("address-use", List.of("business", "mailing")),
          Map.entry("address-type", List.of("post", "street")),
          Map.entry("name-use", List.of("legal", "alias")),
          Map.entry("contact-point-system", List.of("telephone", "mobile", "e-mail")),
          Map.entry("contact-point-use", List.of("cell", "office")),
          Map.entry("bundle-type", List.of("bundle", "list", "search")),
          Map.entry("http-verb", List.of("FETCH", "GETS", "OPTIONS")),
          Map.entry("search-entry-mode", List.of("matched", "included", "hit")));

  BadCode() {
    super("bad-code", "a code outside its required value set");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.isPrimitive() || !s.value().isString() || s.element().valueSet().isEmpty()) {
        continue;
      }
      String vs = s.element().valueSet();
      List<String> codes = doc.table().codes(vs);
      if (codes.isEmpty()) {
        continue;
      }
      for (String variant : List.of("case", "synonym", "other-set", "other-release", "typo")) {
        if (!candidates(doc, vs, variant, s.value().string()).isEmpty()) {
          out.add(new Target(vs, variant, s));
        }
      }
    }
  }

  /** The codes a variant may write: none of them in the value set, none equal to the old value. */
  private static List<String> candidates(Doc doc, String vs, String variant, String old) {
    List<String> codes = doc.table().codes(vs);
    List<String> out = new ArrayList<>();
    switch (variant) {
      case "case" -> {
        out.add(old.toUpperCase(Locale.ROOT));
        out.add(FhirTable.capitalized(old));
        out.add(old.toLowerCase(Locale.ROOT));
      }
      case "synonym" -> out.addAll(SYNONYMS.getOrDefault(vs, List.of()));
      case "other-set" -> {
        for (Map.Entry<String, List<String>> e : doc.table().valueSets().entrySet()) {
          if (!e.getKey().equals(vs)) {
            out.addAll(e.getValue());
          }
        }
      }
      case "other-release" -> out.addAll(FhirTable.of(doc.seed().release().other()).codes(vs));
      default -> {
        if (old.length() > 2) {
          out.add(old.substring(0, old.length() - 1));
          out.add(old.charAt(0) + old.substring(1).replaceFirst("[aeiou]", ""));
          out.add(old + old.charAt(old.length() - 1));
        }
      }
    }
    out.removeIf(c -> codes.contains(c) || c.equals(old) || c.isBlank());
    return out.stream().distinct().toList();
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String vs = s.element().valueSet();
    String code = rng.pick(candidates(doc, vs, t.variant(), s.value().string()));
    return Change.at(
        s,
        t.variant(),
        s.name() + " " + Ops.shown(doc, s.value()) + " -> \"" + code + "\" (not in " + vs + ")",
        Ops.replaceString(doc, s.value(), code));
  }
}
