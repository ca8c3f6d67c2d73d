package dev.taskcheck.engine;

import dev.taskcheck.rules.ProfileRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.IMessagingServices;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.jspecify.annotations.Nullable;

/**
 * HAPI's default policy, plus one thing: every Task the HL7 validator meets (the document itself, a
 * Bundle entry) is also validated against TaskCheck's Task profile, whose invariants are catalog
 * rules. The profile comes from the worker context, which holds TaskCheck's package for the
 * release.
 */
final class TaskProfileAdvisor extends FhirDefaultPolicyAdvisor {

  private final Supplier<IWorkerContext> context;
  private volatile @Nullable StructureDefinition taskProfile;

  /**
   * Whether the validation running on this thread applies the Task profile: a run in which no
   * profile rule can report (rule set core, or every profile rule off) skips the profile's second
   * pass.
   */
  private final ThreadLocal<Boolean> applying = ThreadLocal.withInitial(() -> Boolean.TRUE);

  TaskProfileAdvisor(Supplier<IWorkerContext> context) {
    this.context = context;
  }

  @Override
  public List<StructureDefinition> getImpliedProfilesForResource(
      IResourceValidator validator,
      Object appContext,
      String stackPath,
      ElementDefinition definition,
      StructureDefinition structure,
      Element resource,
      boolean valid,
      IMessagingServices msgServices,
      List<ValidationMessage> messages) {
    List<StructureDefinition> implied =
        super.getImpliedProfilesForResource(
            validator,
            appContext,
            stackPath,
            definition,
            structure,
            resource,
            valid,
            msgServices,
            messages);
    if (!"Task".equals(resource.fhirType()) || !applying.get()) {
      return implied;
    }
    List<StructureDefinition> out = new ArrayList<>(implied);
    out.add(taskProfile());
    return out;
  }

  /** Runs {@code validation} on this thread with the Task profile applied or not. */
  <T> T withTaskProfile(boolean apply, Supplier<T> validation) {
    Boolean before = applying.get();
    applying.set(apply);
    try {
      return validation.get();
    } finally {
      applying.set(before);
    }
  }

  private StructureDefinition taskProfile() {
    StructureDefinition sd = taskProfile;
    if (sd == null) {
      sd = context.get().fetchResource(StructureDefinition.class, ProfileRule.TASK_PROFILE);
      if (sd == null) {
        throw new IllegalStateException(
            "TaskCheck's Task profile "
                + ProfileRule.TASK_PROFILE
                + " is not in the validator's context (is taskcheck-profiles on the class path?)");
      }
      taskProfile = sd;
    }
    return sd;
  }
}
