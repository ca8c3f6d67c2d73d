package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.plan.Plans;
import org.junit.jupiter.api.Test;

/** The base-definition chains and resource names that reference checks read from {@link Types}. */
class TypesLineageTest {

  private static final Types R4 = new Types(Plans.of(FhirRelease.R4));

  @Test
  void aTypeDerivesFromItsBaseDefinitions() {
    assertThat(R4.lineage("Patient")).containsExactly("Patient", "DomainResource", "Resource");
    assertThat(R4.lineage("Bundle")).containsExactly("Bundle", "Resource");
    assertThat(R4.lineage("Resource")).containsExactly("Resource");
    // the same list again: found once
    assertThat(R4.lineage("Patient")).isSameAs(R4.lineage("Patient"));
  }

  @Test
  void aNameThePlanDoesNotDefineIsOnlyItself() {
    assertThat(R4.lineage("NoSuchType")).containsExactly("NoSuchType");
    assertThat(R4.lineage("NoSuchType")).isNotSameAs(R4.lineage("NoSuchType"));
  }

  @Test
  void concreteResourceNames() {
    assertThat(R4.isConcreteResourceName("Patient")).isTrue();
    assertThat(R4.isConcreteResourceName("Task")).isTrue();
    assertThat(R4.isConcreteResourceName("DomainResource")).isFalse(); // abstract
    assertThat(R4.isConcreteResourceName("Resource")).isFalse();
    assertThat(R4.isConcreteResourceName("Quantity")).isFalse(); // a datatype
    assertThat(R4.isConcreteResourceName("patient")).isFalse();
    assertThat(R4.isConcreteResourceName("")).isFalse();
    assertThat(R4.isConcreteResourceName("SubstanceSourceMaterial")).isTrue();
  }
}
