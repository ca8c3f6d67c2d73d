package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Binding;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.ValueSetDef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Bindings of coded elements (docs/engines/reference-behaviour.md §11). */
final class Codes {

  private final Plan plan;
  private final FhirRelease release;
  private final Map<String, Set<String>> codesByValueSet = new ConcurrentHashMap<>();

  Codes(Plan plan, FhirRelease release) {
    this.plan = plan;
    this.release = release;
  }

  /**
   * A {@code code} element with a binding; true when the value fits (or the binding does not judge
   * it).
   */
  boolean code(String value, Binding binding, String expression, boolean baseOnly, Findings out) {
    if (binding.strength() == Binding.Strength.EXAMPLE || binding.valueSet() == null) {
      return true;
    }
    Set<String> codes = codes(binding.valueSet());
    if (codes.contains(value)) {
      return true;
    }
    switch (binding.strength()) {
      case REQUIRED -> {
        out.issue(
            "structure-binding",
            Severity.ERROR,
            "code-invalid",
            expression,
            "'"
                + value
                + "' is not a code of the value set "
                + binding.valueSet()
                + ", which is required here",
            IssueSource.STRUCTURE,
            "Terminology_TX_NoValid_16");
        return false;
      }
      default -> throw new NotCovered("a code with a " + binding.strength().code() + " binding");
    }
  }

  // Not covered yet: the fast engine hands the Task to the reference engine (terminology pending)
  @SuppressWarnings("DoNotCallSuggester")
  void coding(
      Node coding, @Nullable Binding binding, String expression, boolean baseOnly, Findings out) {
    throw new NotCovered("a Coding (terminology checks pending)");
  }

  // Not covered yet: the fast engine hands the Task to the reference engine (terminology pending)
  @SuppressWarnings("DoNotCallSuggester")
  void codeableConcept(
      Node concept, @Nullable Binding binding, String expression, boolean baseOnly, Findings out) {
    throw new NotCovered("a CodeableConcept (terminology checks pending)");
  }

  private Set<String> codes(String valueSet) {
    Set<String> known = codesByValueSet.get(valueSet);
    if (known != null) {
      return known;
    }
    ValueSetDef vs = plan.valueSet(valueSet);
    if (vs == null || vs.incomplete() != null) {
      throw new NotCovered("the value set " + valueSet + " cannot be expanded here");
    }
    Set<String> codes = new HashSet<>();
    for (ValueSetDef.Code c : vs.codes()) {
      codes.add(c.code());
    }
    codesByValueSet.put(valueSet, codes);
    return codes;
  }

  FhirRelease release() {
    return release;
  }
}
