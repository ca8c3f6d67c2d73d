package dev.taskcheck.testdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Synthetic FHIR R4 Task resources for benchmarks and streaming tests, generated deterministically
 * from a seed.
 *
 * <p>Task {@code n} depends only on the seed and {@code n}, never on what was generated before, so
 * {@code validTask(7)} is the same string in every run, in every JVM, in any call order. A valid
 * Task is valid R4 and keeps TaskCheck's status, failure, date and progress rules (RULES.md):
 * status among the 12 R4 codes with a consistent owner, executionPeriod, statusReason and outputs;
 * authoredOn, executionPeriod and lastModified in order and in the past; a Ratio progress output
 * ({@code 4 {session}} of {@code 10 {session}}, UCUM) whose denominator equals {@code
 * restriction.repetitions}; a generated narrative. A defective Task is the valid Task {@code n}
 * with exactly one {@link Defect} applied, so it differs only in the defect's element.
 *
 * <p>Every write method streams: memory use does not grow with the count.
 *
 * <pre>
 * java -jar taskcheck-testdata.jar --count 5000 --defect-rate 0.1 --seed 42 --format ndjson --out tasks.ndjson
 * </pre>
 */
public final class TaskGenerator {

  /** One kind of defect, applied to exactly one element of an otherwise valid Task. */
  public enum Defect {
    /** {@code status} is a code outside the R4 task-status value set (required binding). */
    BAD_STATUS("Task.status", "status code not in the required value set"),
    /** {@code status} is absent (1..1). */
    MISSING_STATUS("Task.status", "required element missing"),
    /** {@code intent} is absent (1..1). */
    MISSING_INTENT("Task.intent", "required element missing"),
    /** {@code lastModified} is written as {@code lastUpdated}, which Task does not have. */
    UNKNOWN_ELEMENT("Task.lastUpdated", "unknown element"),
    /** {@code for} is a JSON string instead of a Reference object. */
    WRONG_JSON_TYPE("Task.for", "wrong JSON type (string instead of object)"),
    /** {@code authoredOn} is {@code 2024-03-05 14:30:00}: a space, no timezone. */
    BAD_DATETIME("Task.authoredOn", "not a valid dateTime"),
    /** {@code lastModified} is before {@code authoredOn} (inv-1, TaskCheck date-1). */
    LAST_MODIFIED_BEFORE_AUTHORED("Task.lastModified", "inv-1: lastModified before authoredOn"),
    /** {@code restriction.period.end} is before its start (per-1, TaskCheck date-2). */
    PERIOD_END_BEFORE_START("Task.restriction.period", "per-1: period end before start"),
    /** The progress output's Ratio has a numerator but no denominator (rat-1, progress-1). */
    RATIO_WITHOUT_DENOMINATOR(
        "Task.output.value.ofType(Ratio)", "rat-1: numerator without denominator"),
    /** {@code restriction.repetitions} (positiveInt) is negative. */
    NEGATIVE_POSITIVE_INT("Task.restriction.repetitions", "positiveInt below 1"),
    /** {@code description} is the empty string, which FHIR JSON forbids. */
    EMPTY_STRING("Task.description", "empty string value"),
    /** The first {@code input} has a type but no {@code value[x]} (1..1). */
    INPUT_WITHOUT_VALUE("Task.input.value[x]", "required element missing");

    private final String element;
    private final String finding;

    Defect(String element, String finding) {
      this.element = element;
      this.finding = finding;
    }

    /** The element the defect is in, as a FHIRPath without indexes. */
    public String element() {
      return element;
    }

    /** What a validator should report, in a few words. */
    public String finding() {
      return finding;
    }
  }

  static final String[] STATUSES = {
    "draft",
    "requested",
    "received",
    "accepted",
    "rejected",
    "ready",
    "cancelled",
    "in-progress",
    "on-hold",
    "failed",
    "completed",
    "entered-in-error"
  };
  private static final int[] STATUS_WEIGHTS = {5, 14, 5, 8, 3, 8, 4, 20, 5, 4, 22, 2};
  private static final String[] INTENTS = {
    "order", "original-order", "filler-order", "plan", "proposal"
  };
  private static final int[] INTENT_WEIGHTS = {70, 5, 15, 5, 5};
  private static final String[] PRIORITIES = {"routine", "urgent", "asap", "stat"};
  private static final int[] PRIORITY_WEIGHTS = {70, 20, 7, 3};
  private static final String[] OFFSETS = {
    "Z", "+01:00", "+02:00", "-05:00", "-08:00", "+05:30", "+10:00"
  };
  private static final String[] BAD_STATUSES = {
    "done", "open", "closed", "pending", "in progress", "Completed", "canceled", "finished"
  };
  private static final String[] PATIENTS = {
    "Anna Müller", "José García", "Zoë Nguyen", "Li Wei", "Olusegun Adeyemi", "Aroha Ngata",
    "Priya Sharma", "Jan Kowalski", "Seán O'Brien", "Fatima Haddad", "Mikael Lindqvist",
        "Amelia Hartmann"
  };
  private static final String[] CLINICIANS = {
    "Dr. Lena Meyer",
    "Dr. Tom Becker",
    "Dr. Ngozi Okafor",
    "Dr. Hiroshi Tanaka",
    "Dr. Maria Rossi",
    "Dr. Samuel Cohen"
  };

  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  private static final String OUTPUT_TYPES = "http://example.org/output-types";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String BASE_URL = "https://fhir.example.org/r4/";
  private static final long EPOCH_2024 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter NOT_A_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 86_400;
  private static final long SALT_TASK = 0x7461736B6765_6E31L;
  private static final long SALT_DEFECT = 0x646566656374_7331L;

  private final long seed;

  /** A generator whose every output is a function of {@code seed}. */
  public TaskGenerator(long seed) {
    this.seed = seed;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Valid Task number {@code n} (n &gt;= 0), as compact one-line JSON. */
  public String validTask(int n) {
    return Json.compact(model(n));
  }

  /** Task number {@code n} with exactly one defect of the given kind, as compact one-line JSON. */
  public String defectiveTask(int n, Defect kind) {
    Json.Obj task = model(n);
    apply(task, Objects.requireNonNull(kind), n);
    return Json.compact(task);
  }

  /**
   * Task number {@code n} as the write methods write it in a run with the given defect rate (with
   * its {@link #plannedDefect}, if any), as compact one-line JSON.
   */
  public String plannedTask(int n, double defectRate) {
    return Json.compact(task(n, defectRate));
  }

  /**
   * The defect Task {@code n} carries in a run with the given defect rate, or empty when it is
   * valid. The write methods use exactly this plan, so a test can predict every finding.
   */
  public Optional<Defect> plannedDefect(int n, double defectRate) {
    checkRate(defectRate);
    Rng r = new Rng(hash(seed ^ hash(n + SALT_DEFECT)));
    double u = r.nextDouble();
    Defect kind = Defect.values()[r.nextInt(Defect.values().length)];
    return u < defectRate ? Optional.of(kind) : Optional.empty();
  }

  /** Tasks 1..count, one compact JSON per line, to {@code file} (created or replaced). */
  public void writeNdjson(Path file, int count, double defectRate) throws IOException {
    checkArgs(count, defectRate);
    createParent(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      writeNdjson(out, count, defectRate);
    }
  }

  /** Tasks 1..count as NDJSON to {@code out}, which is flushed but not closed. */
  public void writeNdjson(OutputStream out, int count, double defectRate) throws IOException {
    checkArgs(count, defectRate);
    Writer w = writer(out);
    for (int n = 1; n <= count; n++) {
      w.write(Json.compact(task(n, defectRate)));
      w.write('\n');
    }
    w.flush();
  }

  /**
   * Tasks 1..count, one pretty-printed JSON per file named {@code task-000001.json}, into {@code
   * dir} (created if needed; existing files of the same name are replaced).
   */
  public void writeFiles(Path dir, int count, double defectRate) throws IOException {
    checkArgs(count, defectRate);
    Files.createDirectories(dir);
    for (int n = 1; n <= count; n++) {
      Path file = dir.resolve(fileName(n));
      try (Writer w = writer(Files.newOutputStream(file))) {
        w.write(Json.pretty(task(n, defectRate)));
        w.write('\n');
      }
    }
  }

  /** The file name {@link #writeFiles} uses for Task {@code n}. */
  public static String fileName(int n) {
    return String.format(Locale.ROOT, "task-%06d.json", n);
  }

  /**
   * One collection Bundle holding Tasks 1..count, one entry per line, to {@code file} (created or
   * replaced).
   */
  public void writeBundle(Path file, int count, double defectRate) throws IOException {
    checkArgs(count, defectRate);
    createParent(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      writeBundle(out, count, defectRate);
    }
  }

  /** The Bundle of {@link #writeBundle(Path, int, double)} to {@code out}, flushed, not closed. */
  public void writeBundle(OutputStream out, int count, double defectRate) throws IOException {
    checkArgs(count, defectRate);
    Writer w = writer(out);
    w.write("{\"resourceType\":\"Bundle\",\"id\":");
    w.write(Json.quote("taskgen-" + Long.toUnsignedString(seed, 36) + "-" + count));
    w.write(",\"type\":\"collection\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"entry\":[");
    for (int n = 1; n <= count; n++) {
      w.write(n == 1 ? "\n" : ",\n");
      Json.Obj task = task(n, defectRate);
      w.write("{\"fullUrl\":");
      w.write(Json.quote(BASE_URL + "Task/" + task.get("id")));
      w.write(",\"resource\":");
      w.write(Json.compact(task));
      w.write('}');
    }
    w.write(count == 0 ? "]}\n" : "\n]}\n");
    w.flush();
  }

  private Json.Obj task(int n, double defectRate) {
    Json.Obj task = model(n);
    plannedDefect(n, defectRate).ifPresent(d -> apply(task, d, n));
    return task;
  }

  private static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  private static void checkArgs(int count, double defectRate) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, not " + count);
    }
    checkRate(defectRate);
  }

  private static void checkRate(double defectRate) {
    if (!(defectRate >= 0.0 && defectRate <= 1.0)) {
      throw new IllegalArgumentException(
          "defect rate must be between 0.0 and 1.0, not " + defectRate);
    }
  }

  // ---- the valid Task ------------------------------------------------------------------------

  /** What the Task asks for; decides codes, references, inputs and the progress unit. */
  private enum Kind {
    LAB(
        "Collect a blood specimen and perform the %s",
        "specimen collected", "test", "tests", "ServiceRequest", "DiagnosticReport", 1, 3),
    PHYSIO(
        "Deliver the physiotherapy course: %s",
        "next session booked", "session", "sessions", "ServiceRequest", "Procedure", 4, 12),
    REFERRAL(
        "Arrange the referral: %s",
        "appointment offered to the patient",
        "appointment",
        "appointments",
        "ServiceRequest",
        "Encounter",
        1,
        2),
    QUESTIONNAIRE(
        "Have the patient complete the %s",
        "reminder sent to the patient",
        "questionnaire",
        "questionnaires",
        "ServiceRequest",
        "QuestionnaireResponse",
        1,
        4),
    DISPENSE(
        "Dispense the prescription: %s",
        "prepared for pick-up",
        "dispense",
        "dispenses",
        "MedicationRequest",
        "MedicationDispense",
        1,
        3);

    final String description;
    final String busy;
    final String unitCode;
    final String unit;
    final String focusType;
    final String resultType;
    final int minRepetitions;
    final int maxRepetitions;

    Kind(
        String description,
        String busy,
        String unitCode,
        String unit,
        String focusType,
        String resultType,
        int minRepetitions,
        int maxRepetitions) {
      this.description = description;
      this.busy = busy;
      this.unitCode = unitCode;
      this.unit = unit;
      this.focusType = focusType;
      this.resultType = resultType;
      this.minRepetitions = minRepetitions;
      this.maxRepetitions = maxRepetitions;
    }
  }

  private static final String[] LAB_PANELS = {
    "lipid panel", "complete blood count", "HbA1c test", "thyroid panel"
  };
  private static final String[] PHYSIO_GOALS = {
    "knee rehabilitation after arthroscopy",
    "gait training",
    "shoulder mobilisation",
    "lower back pain programme"
  };
  private static final String[] REFERRALS = {
    "cardiology consultation", "dermatology review", "sleep study", "diabetes education"
  };
  private static final String[] QUESTIONNAIRES = {
    "PHQ-9 depression screening", "GAD-7 anxiety screening", "pain diary"
  };
  private static final String[] MEDICATIONS = {
    "amoxicillin 500 mg capsules",
    "metformin 850 mg tablets",
    "salbutamol 100 microgram inhaler",
    "atorvastatin 20 mg tablets"
  };

  private Json.Obj model(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("task number must be 0 or more, not " + n);
    }
    Rng r = new Rng(hash(seed ^ hash(n + SALT_TASK)));
    String status = STATUSES[r.weighted(STATUS_WEIGHTS)];
    Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
    String id = String.format(Locale.ROOT, "gen-%06d", n);
    int patientNo = 1000 + r.nextInt(9000);
    String patient = PATIENTS[r.nextInt(PATIENTS.length)];
    String clinician = CLINICIANS[r.nextInt(CLINICIANS.length)];
    ZoneOffset offset = ZoneOffset.of(OFFSETS[r.nextInt(OFFSETS.length)].replace("Z", "+00:00"));
    String what =
        switch (kind) {
          case LAB -> LAB_PANELS[r.nextInt(LAB_PANELS.length)];
          case PHYSIO -> PHYSIO_GOALS[r.nextInt(PHYSIO_GOALS.length)];
          case REFERRAL -> REFERRALS[r.nextInt(REFERRALS.length)];
          case QUESTIONNAIRE -> QUESTIONNAIRES[r.nextInt(QUESTIONNAIRES.length)];
          case DISPENSE -> MEDICATIONS[r.nextInt(MEDICATIONS.length)];
        };

    // timeline: authoredOn <= executionPeriod.start <= executionPeriod.end <= lastModified
    boolean started =
        switch (status) {
          case "in-progress", "on-hold", "completed", "failed" -> true;
          case "cancelled" -> r.chance(50);
          default -> false;
        };
    boolean ended = started && isTerminal(status);
    long authored = EPOCH_2024 + r.nextLong(365 * DAY);
    long start = authored + HOUR + r.nextLong(5 * DAY);
    long end = start + 15 * MINUTE + r.nextLong(10 * DAY);
    long lastModified = (ended ? end : started ? start : authored) + r.nextLong(2 * HOUR);
    long windowStart = authored - Math.floorMod(authored, HOUR);
    long windowEnd =
        Math.max(windowStart + (7 + r.nextLong(54)) * DAY, (ended ? end : start) + DAY);
    int repetitions =
        kind.minRepetitions + r.nextInt(kind.maxRepetitions - kind.minRepetitions + 1);
    int done =
        switch (status) {
          case "completed" -> repetitions;
          case "in-progress", "on-hold", "failed", "cancelled" -> r.nextInt(repetitions);
          default -> 0;
        };
    boolean hasOwner =
        switch (status) {
          case "draft", "requested" -> false;
          case "cancelled", "entered-in-error" -> r.chance(50);
          default -> true;
        };

    Json.Obj task =
        Json.obj()
            .put("resourceType", "Task")
            .put("id", id)
            .put(
                "text",
                Json.obj()
                    .put("status", "generated")
                    .put(
                        "div",
                        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
                            + xhtml(
                                capitalize(String.format(Locale.ROOT, kind.description, what))
                                    + " for "
                                    + patient
                                    + ": "
                                    + status
                                    + ".")
                            + "</p></div>"))
            .put(
                "identifier",
                Json.arr(
                    Json.obj()
                        .put("system", "https://fhir.example.org/sid/task")
                        .put("value", String.format(Locale.ROOT, "GEN-%08d", n))))
            .put("basedOn", Json.arr(reference("CarePlan", "cp-" + patientNo, null)))
            .put("status", status);
    String reason = statusReason(status, kind, r);
    if (reason != null) {
      task.put("statusReason", Json.obj().put("text", reason));
    }
    if (status.equals("in-progress") && r.chance(50)) {
      task.put("businessStatus", Json.obj().put("text", kind.busy));
    }
    task.put("intent", INTENTS[r.weighted(INTENT_WEIGHTS)])
        .put("priority", PRIORITIES[r.weighted(PRIORITY_WEIGHTS)])
        .put(
            "code",
            Json.obj()
                .put("coding", Json.arr(Json.obj().put("system", TASK_CODE).put("code", "fulfill")))
                .put("text", capitalize(String.format(Locale.ROOT, kind.description, what))))
        .put("description", capitalize(what) + " for " + patient)
        .put("focus", reference(kind.focusType, prefix(kind.focusType) + "-" + n, null))
        .put("for", reference("Patient", "pat-" + patientNo, patient));
    if (r.chance(50)) {
      task.put(
          "encounter", reference("Encounter", "enc-" + patientNo + "-" + (1 + r.nextInt(9)), null));
    }
    if (started) {
      Json.Obj period = Json.obj().put("start", dateTime(start, offset));
      if (ended) {
        period.put("end", dateTime(end, offset));
      }
      task.put("executionPeriod", period);
    }
    task.put("authoredOn", dateTime(authored, offset))
        .put("lastModified", dateTime(lastModified, offset))
        .put("requester", requester(r, clinician, patientNo));
    if (hasOwner) {
      task.put("owner", owner(kind, r, patientNo, patient));
    }
    task.put(
        "restriction",
        Json.obj()
            .put("repetitions", Json.Num.of(repetitions))
            .put(
                "period",
                Json.obj()
                    .put("start", dateTime(windowStart, offset))
                    .put("end", dateTime(windowEnd, offset))));
    task.put("input", inputs(kind, what, r, authored, offset, n));
    if (started) {
      Json.Arr outputs = Json.arr(progress(kind, done, repetitions));
      if (status.equals("completed")) {
        outputs.add(
            Json.obj()
                .put("type", Json.obj().put("text", "result"))
                .put(
                    "valueReference",
                    reference(kind.resultType, prefix(kind.resultType) + "-" + n, null)));
      }
      task.put("output", outputs);
    }
    return task;
  }

  private static boolean isTerminal(String status) {
    return switch (status) {
      case "completed", "failed", "cancelled", "rejected", "entered-in-error" -> true;
      default -> false;
    };
  }

  private static @Nullable String statusReason(String status, Kind kind, Rng r) {
    String[] reasons =
        switch (status) {
          case "failed" ->
              new String[] {
                "specimen haemolysed; a new request is needed",
                "patient did not attend twice",
                "service unavailable at the site"
              };
          case "rejected" ->
              new String[] {
                "outside the service's scope",
                "insufficient clinical information in the request",
                "patient not registered here"
              };
          case "cancelled" ->
              new String[] {
                "requested by the patient", "superseded by a new order", "duplicate request"
              };
          case "on-hold" ->
              new String[] {
                "awaiting the patient's consent",
                "patient admitted to hospital",
                "waiting for prior authorisation"
              };
          default -> null;
        };
    if (reasons == null) {
      return null;
    }
    return kind == Kind.DISPENSE && status.equals("on-hold")
        ? "medication out of stock"
        : reasons[r.nextInt(reasons.length)];
  }

  private static Json.Obj requester(Rng r, String clinician, int patientNo) {
    return switch (r.nextInt(3)) {
      case 0 -> reference("Practitioner", "prac-" + (100 + r.nextInt(900)), clinician);
      case 1 -> reference("PractitionerRole", "pr-" + (100 + r.nextInt(900)), clinician);
      default ->
          reference(
              "Organization", "org-clinic-" + (10 + patientNo % 90), "Riverside Medical Centre");
    };
  }

  private static Json.Obj owner(Kind kind, Rng r, int patientNo, String patient) {
    return switch (kind) {
      case LAB ->
          reference("Organization", "org-lab-" + (1 + r.nextInt(5)), "Central Hospital Laboratory");
      case PHYSIO ->
          reference("Organization", "org-physio-" + (1 + r.nextInt(5)), "Riverside Physiotherapy");
      case REFERRAL ->
          reference(
              "PractitionerRole", "pr-specialist-" + (1 + r.nextInt(20)), "Outpatient specialist");
      case QUESTIONNAIRE -> reference("Patient", "pat-" + patientNo, patient);
      case DISPENSE ->
          reference("Organization", "org-pharmacy-" + (1 + r.nextInt(30)), "High Street Pharmacy");
    };
  }

  private static Json.Arr inputs(
      Kind kind, String what, Rng r, long authored, ZoneOffset offset, int n) {
    Json.Arr in = Json.arr();
    switch (kind) {
      case LAB -> {
        in.add(
            input(
                "specimen type",
                "valueCodeableConcept",
                Json.obj()
                    .put(
                        "coding",
                        Json.arr(
                            Json.obj()
                                .put("system", SNOMED)
                                .put("code", "119297000")
                                .put("display", "Blood specimen")))
                    .put("text", "blood")));
        in.add(input("fasting required", "valueBoolean", r.chance(50)));
      }
      case PHYSIO -> {
        in.add(
            input(
                "instructions",
                "valueString",
                "Progress weight bearing as tolerated; " + what + "."));
        in.add(
            input(
                "session length", "valueQuantity", quantity(30 + 15 * r.nextInt(3), "min", "min")));
      }
      case REFERRAL -> {
        in.add(
            input(
                "referral letter",
                "valueReference",
                reference("DocumentReference", "doc-referral-" + n, null)));
        in.add(
            input(
                "see the patient by",
                "valueDateTime",
                dateTime(authored + (14 + r.nextLong(28)) * DAY, offset)));
      }
      case QUESTIONNAIRE -> {
        in.add(
            input(
                "questionnaire",
                "valueCanonical",
                "https://fhir.example.org/Questionnaire/"
                    + what.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
        in.add(input("instrument", "valueString", what));
      }
      case DISPENSE -> {
        in.add(
            input(
                "quantity to dispense",
                "valueQuantity",
                Json.obj()
                    .put("value", Json.Num.of(28 + 2 * r.nextInt(31)))
                    .put("unit", "tablets")));
        in.add(input("substitution allowed", "valueBoolean", r.chance(70)));
      }
    }
    return in;
  }

  private static Json.Obj input(String typeText, String valueKey, Object value) {
    return Json.obj().put("type", Json.obj().put("text", typeText)).put(valueKey, value);
  }

  private static Json.Obj quantity(long value, String unit, String code) {
    return Json.obj()
        .put("value", Json.Num.of(value))
        .put("unit", unit)
        .put("system", UCUM)
        .put("code", code);
  }

  private static Json.Obj progress(Kind kind, int done, int of) {
    return Json.obj()
        .put(
            "type",
            Json.obj()
                .put(
                    "coding",
                    Json.arr(
                        Json.obj()
                            .put("system", OUTPUT_TYPES)
                            .put("code", kind.unitCode + "s-progress")))
                .put("text", kind.unit + " completed"))
        .put(
            "valueRatio",
            Json.obj()
                .put("numerator", quantity(done, kind.unit, "{" + kind.unitCode + "}"))
                .put("denominator", quantity(of, kind.unit, "{" + kind.unitCode + "}")));
  }

  private static Json.Obj reference(String type, String id, @Nullable String display) {
    Json.Obj ref = Json.obj().put("reference", type + "/" + id);
    if (display != null) {
      ref.put("display", display);
    }
    return ref;
  }

  private static String prefix(String resourceType) {
    return switch (resourceType) {
      case "ServiceRequest" -> "sr";
      case "MedicationRequest" -> "mr";
      case "DiagnosticReport" -> "dr";
      case "Procedure" -> "proc";
      case "Encounter" -> "enc";
      case "QuestionnaireResponse" -> "qr";
      case "MedicationDispense" -> "md";
      default -> resourceType.toLowerCase(Locale.ROOT);
    };
  }

  private static String dateTime(long epochSecond, ZoneOffset offset) {
    return DATE_TIME.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset));
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String xhtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- defects -------------------------------------------------------------------------------

  private void apply(Json.Obj task, Defect kind, int n) {
    @SuppressWarnings(
        "EnumOrdinal") // the defect's position seeds its randomness: every generated Task depends
    // on it
    int position = kind.ordinal();
    Rng r = new Rng(hash(seed ^ hash(n + SALT_DEFECT + position + 1)));
    switch (kind) {
      case BAD_STATUS -> task.put("status", BAD_STATUSES[r.nextInt(BAD_STATUSES.length)]);
      case MISSING_STATUS -> task.remove("status");
      case MISSING_INTENT -> task.remove("intent");
      case UNKNOWN_ELEMENT -> task.rename("lastModified", "lastUpdated");
      case WRONG_JSON_TYPE -> task.put("for", task.obj("for").required("reference"));
      case BAD_DATETIME ->
          task.put(
              "authoredOn",
              NOT_A_DATE_TIME.format(
                  OffsetDateTime.parse((String) task.get("authoredOn"), DATE_TIME)));
      case LAST_MODIFIED_BEFORE_AUTHORED -> {
        OffsetDateTime authored = OffsetDateTime.parse((String) task.get("authoredOn"), DATE_TIME);
        task.put(
            "lastModified", DATE_TIME.format(authored.minusMinutes(30 + r.nextLong(3 * 24 * 60))));
      }
      case PERIOD_END_BEFORE_START -> {
        Json.Obj period = task.obj("restriction").obj("period");
        OffsetDateTime start = OffsetDateTime.parse((String) period.get("start"), DATE_TIME);
        period.put("end", DATE_TIME.format(start.minusDays(1 + r.nextInt(5))));
      }
      case RATIO_WITHOUT_DENOMINATOR -> {
        Json.Arr outputs = task.arr("output");
        if (outputs != null) {
          ((Json.Obj) outputs.get(0)).obj("valueRatio").remove("denominator");
        } else {
          Json.Obj progress = progress(Kind.PHYSIO, 0, 1);
          progress.obj("valueRatio").remove("denominator");
          task.put("output", Json.arr(progress));
        }
      }
      case NEGATIVE_POSITIVE_INT -> {
        Json.Obj restriction = task.obj("restriction");
        long repetitions = Long.parseLong(((Json.Num) restriction.required("repetitions")).text());
        restriction.put("repetitions", Json.Num.of(-repetitions));
      }
      case EMPTY_STRING -> task.put("description", "");
      case INPUT_WITHOUT_VALUE -> {
        Json.Obj first = (Json.Obj) ((Json.Arr) task.required("input")).get(0);
        first.remove(
            Objects.requireNonNull(
                first.firstKeyStartingWith("value"))); // every input has a value[x]
      }
    }
  }

  // ---- randomness ----------------------------------------------------------------------------

  /** The SplitMix64 finaliser: a well-mixed 64-bit function of {@code x}. */
  static long hash(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** SplitMix64: small, fast, and the same sequence on every JVM. */
  static final class Rng {
    private long state;

    Rng(long seed) {
      this.state = seed;
    }

    long next() {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    long nextLong(long bound) {
      return Math.floorMod(next(), bound);
    }

    int nextInt(int bound) {
      return (int) nextLong(bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
      return (next() >>> 11) * 0x1.0p-53;
    }

    boolean chance(int percent) {
      return nextInt(100) < percent;
    }

    int weighted(int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int x = nextInt(total);
      for (int i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) {
          return i;
        }
      }
      throw new AssertionError();
    }
  }

  // ---- command line --------------------------------------------------------------------------

  static final String USAGE =
      """
      Usage: java -jar taskcheck-testdata.jar --out PATH [--count N] [--defect-rate R] [--seed S]
                                              [--format ndjson|files|bundle]
      Writes synthetic FHIR R4 Task resources, the same for the same seed.
        --out PATH          output file (ndjson, bundle) or directory (files); '-' writes
                            ndjson or bundle to standard output
        --count N           number of Tasks, 0 or more (default 1000)
        --defect-rate R     share of Tasks with exactly one defect, 0.0 to 1.0 (default 0.0)
        --seed S            64-bit integer seed (default 42)
        --format F          ndjson: one Task per line (default); files: task-000001.json ...
                            in the directory PATH, pretty-printed; bundle: one collection Bundle
        --help              print this text
      Defects: BAD_STATUS MISSING_STATUS MISSING_INTENT UNKNOWN_ELEMENT WRONG_JSON_TYPE BAD_DATETIME
               LAST_MODIFIED_BEFORE_AUTHORED PERIOD_END_BEFORE_START RATIO_WITHOUT_DENOMINATOR
               NEGATIVE_POSITIVE_INT EMPTY_STRING INPUT_WITHOUT_VALUE
      Exit codes: 0 written, 1 could not write, 2 bad arguments.
      """;

  /** The command line; exits 0 when written, 1 when writing failed, 2 on bad arguments. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** {@link #main} without the exit, for tests and embedding. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    int count = 1000;
    double rate = 0.0;
    long seed = 42;
    String format = "ndjson";
    String target = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        }
        if (arg.equals("--help") || arg.equals("-h")) {
          out.print(USAGE);
          out.flush();
          return 0;
        }
        if (!arg.equals("--count")
            && !arg.equals("--defect-rate")
            && !arg.equals("--seed")
            && !arg.equals("--format")
            && !arg.equals("--out")) {
          throw new UsageException("unknown argument '" + args[i] + "'");
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value");
          }
          value = args[++i];
        }
        switch (arg) {
          case "--count" -> count = parseCount(value);
          case "--defect-rate" -> rate = parseRate(value);
          case "--seed" -> seed = parseSeed(value);
          case "--format" -> format = parseFormat(value);
          default -> target = value;
        }
      }
      if (target == null || target.isEmpty()) {
        throw new UsageException("--out is required");
      }
      if (target.equals("-") && format.equals("files")) {
        throw new UsageException("--format files needs a directory, not '-'");
      }
    } catch (UsageException e) {
      err.println("taskcheck-testdata: " + e.getMessage());
      err.print(USAGE);
      err.flush();
      return 2;
    }

    TaskGenerator generator = new TaskGenerator(seed);
    try {
      if (target.equals("-")) {
        if (format.equals("ndjson")) {
          generator.writeNdjson(out, count, rate);
        } else {
          generator.writeBundle(out, count, rate);
        }
      } else {
        Path path = Path.of(target);
        switch (format) {
          case "files" -> {
            if (Files.exists(path) && !Files.isDirectory(path)) {
              throw new IOException("not a directory");
            }
            generator.writeFiles(path, count, rate);
          }
          case "bundle" -> generator.writeBundle(checkFile(path), count, rate);
          default -> generator.writeNdjson(checkFile(path), count, rate);
        }
      }
    } catch (IOException
        | UncheckedIOException
        | java.nio.file.InvalidPathException
        | SecurityException e) {
      err.println("taskcheck-testdata: cannot write " + target + ": " + describe(e));
      err.flush();
      return 1;
    }
    int defective = 0;
    for (int n = 1; n <= count; n++) {
      if (generator.plannedDefect(n, rate).isPresent()) {
        defective++;
      }
    }
    err.println(
        "taskcheck-testdata: wrote "
            + count
            + " Tasks ("
            + defective
            + " with a defect, seed "
            + seed
            + ") as "
            + format
            + " to "
            + target);
    err.flush();
    return 0;
  }

  private static Path checkFile(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IOException("it is a directory (use --format files to write one file per Task)");
    }
    return path;
  }

  private static String describe(Exception e) {
    Throwable t =
        e instanceof UncheckedIOException u ? Objects.requireNonNullElse(u.getCause(), u) : e;
    String m = t.getMessage();
    String kind = t.getClass().getSimpleName();
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory: " + m;
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + m;
    }
    if (t instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way: " + m;
    }
    return m == null ? kind : m;
  }

  private static int parseCount(String s) throws UsageException {
    try {
      int n = Integer.parseInt(s.replace("_", ""));
      if (n < 0) {
        throw new UsageException("--count must be 0 or more, not " + s);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--count needs a whole number, not '" + s + "'");
    }
  }

  private static double parseRate(String s) throws UsageException {
    double r;
    try {
      r = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new UsageException("--defect-rate needs a number between 0.0 and 1.0, not '" + s + "'");
    }
    if (!(r >= 0.0 && r <= 1.0)) {
      throw new UsageException("--defect-rate must be between 0.0 and 1.0, not " + s);
    }
    return r;
  }

  private static long parseSeed(String s) throws UsageException {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed needs a 64-bit integer, not '" + s + "'");
    }
  }

  private static String parseFormat(String s) throws UsageException {
    String f = s.toLowerCase(Locale.ROOT);
    if (f.equals("ndjson") || f.equals("files") || f.equals("bundle")) {
      return f;
    }
    throw new UsageException("--format must be ndjson, files or bundle, not '" + s + "'");
  }

  /** A command-line mistake: reported with the usage text, exit code 2. */
  private static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
