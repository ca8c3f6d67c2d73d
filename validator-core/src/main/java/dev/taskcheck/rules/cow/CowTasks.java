package dev.taskcheck.rules.cow;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.Coding;
import java.util.List;
import java.util.Set;

/**
 * What the COW rules share: the IG's canonical URLs and codes, and which Tasks are cancellation
 * requests.
 */
final class CowTasks {

  /** The FHIR task-code system ({@code fulfill}, {@code abort}, ...). */
  static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

  static final Coding ABORT = new Coding(TASK_CODE, "abort");

  static final String COORDINATION_TASK =
      "http://hl7.org/fhir/uv/cow/StructureDefinition/coordination-task";

  static final String CANCELLATION_REQUEST_TASK =
      "http://hl7.org/fhir/uv/cow/StructureDefinition/cancellation-request-task";

  /**
   * The code systems COW's business status codes are published in: {@code temp} in the 1.0.0-ballot
   * (2025May) and the CI build, {@code business-status} in the IG's sources.
   */
  static final Set<String> BUSINESS_STATUS_SYSTEMS =
      Set.of(
          "http://hl7.org/fhir/uv/cow/CodeSystem/temp",
          "http://hl7.org/fhir/uv/cow/CodeSystem/business-status");

  private CowTasks() {}

  /**
   * True when the Task claims the CancellationRequestTask profile (any version) or is coded abort.
   */
  static boolean isCancellationRequest(TaskView task) {
    return claims(task, CANCELLATION_REQUEST_TASK) || isCodedAbort(task);
  }

  static boolean isCodedAbort(TaskView task) {
    return has(task.codeCodings(), ABORT);
  }

  /** True when {@code meta.profile} holds {@code canonical}, with or without a {@code |version}. */
  static boolean claims(TaskView task, String canonical) {
    for (String p : task.profiles()) {
      if (p.equals(canonical) || p.startsWith(canonical + "|")) {
        return true;
      }
    }
    return false;
  }

  /** True when the businessStatus has a coding of COW's business status system with this code. */
  static boolean hasBusinessStatus(TaskView task, String code) {
    for (Coding c : task.businessStatusCodings()) {
      if (code.equals(c.code())
          && c.system() != null
          && BUSINESS_STATUS_SYSTEMS.contains(c.system())) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(List<Coding> codings, Coding wanted) {
    for (Coding c : codings) {
      if (c.matches(wanted)) {
        return true;
      }
    }
    return false;
  }
}
