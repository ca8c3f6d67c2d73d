package dev.taskcheck.hapi;

import ca.uhn.fhir.context.FhirContext;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * TaskCheck for code that holds HAPI FHIR model objects (a HAPI server's interceptor, a client):
 * the facade itself takes FHIR text only and exposes no HAPI type.
 *
 * <pre>{@code
 * List<Issue> findings = HapiTasks.checkTransition(taskCheck, previousTask, updatedTask);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HapiTasks {

  private HapiTasks() {}

  /**
   * {@link TaskCheck#checkTransition(String, String)} for HAPI model Tasks (R4, R4B or R5): each is
   * encoded to JSON with its release's cached {@link FhirContext}, then checked.
   */
  public static List<Issue> checkTransition(
      TaskCheck taskCheck, IBaseResource before, IBaseResource after) {
    Objects.requireNonNull(taskCheck);
    return taskCheck.checkTransition(json(before, "before"), json(after, "after"));
  }

  /** The resource as FHIR JSON. */
  public static String json(IBaseResource resource, String what) {
    Objects.requireNonNull(resource, what);
    return FhirContext.forCached(resource.getStructureFhirVersionEnum())
        .newJsonParser()
        .encodeResourceToString(resource);
  }
}
