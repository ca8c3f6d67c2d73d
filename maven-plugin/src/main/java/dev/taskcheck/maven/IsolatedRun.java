package dev.taskcheck.maven;

import dev.taskcheck.Issue;
import dev.taskcheck.Report;
import dev.taskcheck.Result;
import dev.taskcheck.Severity;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.ValidationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs TaskCheck inside the plugin's isolated class loader (see {@link EngineLoader}) and answers with
 * JDK types only, so nothing of the engine's class path meets Maven's.
 *
 * <p>Request: {@code inputs} (List of String), {@code fhirVersion} (String). Answer: {@code findings} (List
 * of {@code [severity, "file:line:col rule-id expression message"]}), {@code counts} (Map of severity code to
 * Long), {@code resources} (Long).
 */
public final class IsolatedRun implements Function<Map<String, Object>, Map<String, Object>> {

  @Override
  public Map<String, Object> apply(Map<String, Object> request) {
    @SuppressWarnings("unchecked")
    List<String> inputs = (List<String>) request.get("inputs");
    TaskCheck taskCheck = TaskCheck.builder().fhirVersion((String) request.get("fhirVersion")).build();
    Report report = taskCheck.validate(ValidationRequest.builder().inputs(inputs).build());
    List<List<String>> findings = new ArrayList<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        String where = r.source() + (i.line() == null ? "" : ":" + i.line() + (i.column() == null ? "" : ":" + i.column()));
        findings.add(List.of(i.severity().code(),
            where + " " + i.ruleId() + " " + (i.expression() == null ? "-" : i.expression()) + " " + i.message()));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s.code(), report.summary().count(s));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("findings", findings);
    answer.put("counts", counts);
    answer.put("resources", report.summary().resources());
    return answer;
  }
}
