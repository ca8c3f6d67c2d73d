package dev.taskcheck.fhir;

import dev.taskcheck.model.Coding;
import dev.taskcheck.model.FhirRelease;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A version-neutral view of one Task for the rules: the elements they read, each with the FHIRPath
 * expression of where it is (relative to the Task: {@code Task.output[1].value.ofType(Ratio)}). The
 * release-specific shapes (R4's CodeableConcept {@code statusReason}, R5's CodeableReference, R5's
 * {@code requestedPeriod}) live in the adapters {@link #of} picks. Values are read as written; a
 * value that does not parse reads as absent, because the structure stage reports it. A view belongs
 * to one check of one Task on one thread (it reads some elements once and keeps them).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public abstract class TaskView {

  /** Top-level Task elements that repeat (so their expressions carry an index). */
  private static final Set<String> REPEATING =
      Set.of(
          "identifier",
          "instantiatesUri",
          "basedOn",
          "partOf",
          "performerType",
          "reasonReference",
          "reason",
          "insurance",
          "note",
          "relevantHistory",
          "input",
          "output",
          "extension",
          "modifierExtension",
          "contained",
          "location",
          "performer",
          "requestedPerformer");

  /** Elements that repeat wherever they occur. */
  private static final Set<String> ALWAYS_REPEATING =
      Set.of("extension", "modifierExtension", "coding", "recipient");

  /**
   * Element names whose value is a Period (besides choice elements of type Period): Task's own, and
   * the {@code period} of Identifier, ContactPoint, HumanName, Address; R5 Availability's {@code
   * during}.
   */
  private static final Set<String> PERIOD_NAMES =
      Set.of("period", "executionPeriod", "requestedPeriod", "during");

  /**
   * Choice elements ({@code [x]}) that can hold a Period inside a Task: {@code value[x]}, Timing's
   * {@code bounds[x]}.
   */
  private static final List<String> CHOICE_BASES = List.of("value", "bounds");

  /**
   * The names of the elements {@link #periods} takes: {@link #PERIOD_NAMES}, and the choice
   * elements of type Period ({@code valuePeriod}, {@code boundsPeriod}).
   */
  private static final Set<String> PERIOD_ELEMENTS =
      Stream.concat(PERIOD_NAMES.stream(), CHOICE_BASES.stream().map(b -> b + "Period"))
          .collect(Collectors.toUnmodifiableSet());

  /** The Task's children {@link #periods} does not look in. */
  private static final Set<String> NO_PERIODS_HERE = Set.of("contained", "text");

  private final FhirElement task;
  private final FhirRelease release;

  /** Read on first use: several rules read the outputs of the same Task. */
  private @Nullable List<OutputView> outputs;

  private @Nullable List<OutputView> inputs;

  /** The status as read, once: most rules ask for it. */
  private @Nullable TaskStatus status;

  private boolean statusRead;

  /**
   * The dates read so far ({@link #temporal}), by their text's identity: the date rules read the
   * same few values (lastModified by three of them), and a Task has few dates.
   */
  private final @Nullable String[] datesRead = new String[8];

  private final @Nullable FhirTemporal[] datesParsed = new FhirTemporal[8];

  private int dates;

  TaskView(FhirElement task, FhirRelease release) {
    this.task = Objects.requireNonNull(task);
    this.release = Objects.requireNonNull(release);
  }

  /**
   * The adapter for {@code release} over {@code task} (R4 and R4B share one: Task is identical in
   * both; STU3 too: the elements the rules read have the same names and types there; 1.4.0 too: it
   * has no statusReason, and {@link #authoredOn} reads its {@code created}).
   */
  public static TaskView of(FhirElement task, FhirRelease release) {
    return switch (release) {
      case V1_4_0, STU3, R4, R4B -> new R4TaskView(task, release);
      case R5 -> new R5TaskView(task);
    };
  }

  public final FhirRelease release() {
    return release;
  }

  /** The Task's id, or null. */
  public final @Nullable String id() {
    return task.childValue("id");
  }

  /** The status, or null when absent or not a Task status code. */
  public final @Nullable TaskStatus status() {
    if (!statusRead) {
      status = TaskStatus.fromCode(task.childValue("status"));
      statusRead = true;
    }
    return status;
  }

  /** True when the status is one of {@code statuses}. */
  public final boolean statusIs(TaskStatus... statuses) {
    TaskStatus s = status();
    return s != null && s.isIn(statuses);
  }

  /**
   * A date, dateTime or instant of this Task read as FHIR writes them, or null when {@code text} is
   * null or no such value; read once per Task and value (the texts the views give are the
   * document's own, the same string for every rule that asks).
   */
  @SuppressWarnings("ReferenceEquality") // the same text of the same Task: read once
  public final @Nullable FhirTemporal temporal(@Nullable String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < dates; i++) {
      if (datesRead[i] == text) {
        return datesParsed[i];
      }
    }
    FhirTemporal t = FhirTemporal.parse(text).orElse(null);
    if (dates < datesRead.length) {
      datesRead[dates] = text;
      datesParsed[dates] = t;
      dates++;
    }
    return t;
  }

  /** When the Task was created: {@code authoredOn}, which 1.4.0 calls {@code created}. */
  public final @Nullable Located<String> authoredOn() {
    return release == FhirRelease.V1_4_0
        ? primitive(task, "created", "Task.created")
        : primitive(task, "authoredOn", "Task.authoredOn");
  }

  /**
   * 1.4.0's {@code failureReason} (which STU3 renamed {@code statusReason}), located at {@code
   * Task.failureReason}, or null when absent or in another release.
   */
  public final @Nullable Located<FhirElement> failureReason() {
    FhirElement reason = release == FhirRelease.V1_4_0 ? task.child("failureReason") : null;
    return reason == null ? null : new Located<>(reason, "Task.failureReason");
  }

  public final @Nullable Located<String> lastModified() {
    return primitive(task, "lastModified", "Task.lastModified");
  }

  public final @Nullable Located<String> executionStart() {
    return primitive(task.child("executionPeriod"), "start", "Task.executionPeriod.start");
  }

  public final @Nullable Located<String> executionEnd() {
    return primitive(task.child("executionPeriod"), "end", "Task.executionPeriod.end");
  }

  /** {@code restriction.period.end}: when the Task is due. */
  public final @Nullable Located<String> dueDate() {
    FhirElement restriction = task.child("restriction");
    return primitive(
        restriction == null ? null : restriction.child("period"),
        "end",
        "Task.restriction.period.end");
  }

  /** {@code restriction.repetitions}, or null when absent or not a number. */
  public final @Nullable Located<BigDecimal> repetitions() {
    Located<String> r =
        primitive(task.child("restriction"), "repetitions", "Task.restriction.repetitions");
    if (r == null) {
      return null;
    }
    BigDecimal n = QuantityView.decimal(r.value());
    return n == null ? null : new Located<>(n, r.expression());
  }

  /** True when the Task has a {@code statusReason}. */
  public final boolean hasStatusReason() {
    return task.child("statusReason") != null;
  }

  /** The statusReason's text for a person (R4 {@code text}, R5 {@code concept.text}), or null. */
  public abstract @Nullable String statusReasonText();

  /** True when the Task has at least one {@code identifier}. */
  public final boolean hasIdentifier() {
    return task.child("identifier") != null;
  }

  /** True when the Task has a {@code code}. */
  public final boolean hasCode() {
    return task.child("code") != null;
  }

  /** The codings of {@code code}, in order (empty when absent). */
  public final List<Coding> codeCodings() {
    return codings(task.child("code"));
  }

  /** The codings of {@code businessStatus}, in order (empty when absent). */
  public final List<Coding> businessStatusCodings() {
    return codings(task.child("businessStatus"));
  }

  /** True when the Task has a {@code focus}. */
  public final boolean hasFocus() {
    return task.child("focus") != null;
  }

  /**
   * The resource type {@code focus} points at: its {@code type} element, else the type in its
   * literal reference; null when there is no focus or it does not say (a contained or
   * identifier-only reference).
   */
  public final @Nullable String focusType() {
    FhirElement focus = task.child("focus");
    if (focus == null) {
      return null;
    }
    String type = focus.childValue("type");
    return type != null ? type.trim() : referencedType(focus.childValue("reference"));
  }

  /**
   * The canonical URLs in {@code meta.profile}, as written (a version suffix {@code |1.0} kept).
   */
  public final List<String> profiles() {
    FhirElement meta = task.child("meta");
    List<String> out = new ArrayList<>();
    if (meta != null) {
      for (FhirElement p : meta.children("profile")) {
        String v = p.value();
        if (v != null && !v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    return out;
  }

  private static List<Coding> codings(@Nullable FhirElement concept) {
    if (concept == null) {
      return List.of();
    }
    List<Coding> out = new ArrayList<>();
    for (FhirElement c : concept.children("coding")) {
      out.add(new Coding(c.childValue("system"), c.childValue("code")));
    }
    return out;
  }

  /** The {@code partOf} references, as expressions of where each is. */
  public final List<String> partOf() {
    List<String> out = new ArrayList<>();
    List<FhirElement> parts = task.children("partOf");
    for (int i = 0; i < parts.size(); i++) {
      out.add("Task.partOf[" + i + "]");
    }
    return out;
  }

  /** The outputs, in order. */
  public final List<OutputView> outputs() {
    List<OutputView> o = outputs;
    if (o == null) {
      o = entries("output");
      outputs = o;
    }
    return o;
  }

  /** The inputs, in order. */
  public final List<OutputView> inputs() {
    List<OutputView> i = inputs;
    if (i == null) {
      i = entries("input");
      inputs = i;
    }
    return i;
  }

  private List<OutputView> entries(String name) {
    List<OutputView> out = new ArrayList<>();
    List<FhirElement> items = task.children(name);
    for (int i = 0; i < items.size(); i++) {
      FhirElement o = items.get(i);
      String expr = "Task." + name + "[" + i + "]";
      List<Coding> codings = new ArrayList<>();
      FhirElement type = o.child("type");
      if (type != null) {
        for (FhirElement c : type.children("coding")) {
          codings.add(new Coding(c.childValue("system"), c.childValue("code")));
        }
      }
      String valueType = null;
      RatioView ratio = null;
      QuantityView quantity = null;
      String referenced = null;
      for (FhirElement c : o.children()) {
        String t = choiceType(c.name());
        if (t == null) {
          continue;
        }
        valueType = t;
        String valueExpr = expr + ".value.ofType(" + t + ")";
        switch (t) {
          case "Ratio" -> ratio = RatioView.read(c, valueExpr);
          case "Quantity" -> quantity = QuantityView.read(c, valueExpr);
          case "Reference" -> referenced = referencedType(c.childValue("reference"));
          default -> {
            // other types carry nothing the rules read
          }
        }
      }
      out.add(new OutputView(i, expr, codings, valueType, ratio, quantity, referenced));
    }
    return List.copyOf(out);
  }

  /**
   * Every Period in the Task outside contained resources and the narrative: executionPeriod,
   * restriction.period, R5 requestedPeriod, identifier periods, Period values of inputs, outputs
   * and extensions.
   */
  public final List<PeriodView> periods() {
    List<PeriodView> out = new ArrayList<>();
    task.findNamed(PERIOD_ELEMENTS, NO_PERIODS_HERE, way -> out.add(period(way)));
    return out;
  }

  /** The Period at the end of the way {@link FhirElement#findNamed} gave. */
  private PeriodView period(int[] way) {
    Step step = null;
    FhirElement e = task;
    for (int position : way) {
      List<? extends FhirElement> siblings = e.children();
      step = new Step(step, siblings, position);
      e = siblings.get(position);
    }
    Step at = Objects.requireNonNull(step);
    // the expression is written only when a rule reports the Period: most are in order
    return new PeriodView(
        () -> {
          StringBuilder b = new StringBuilder(48);
          at.append(b);
          return b.toString();
        },
        e.childValue("start"),
        e.childValue("end"));
  }

  /**
   * One step of the way to an element, its expression written only when a Period is found there
   * (most elements hold none).
   */
  private record Step(@Nullable Step parent, List<? extends FhirElement> siblings, int position) {

    boolean root() {
      return parent == null;
    }

    void append(StringBuilder b) {
      if (parent == null) {
        b.append("Task");
      } else {
        parent.append(b);
      }
      String name = siblings.get(position).name();
      String base = choiceBase(name);
      String choice = base == null ? null : choiceType(name, base);
      if (choice != null) {
        b.append('.').append(base).append(".ofType(").append(choice).append(')');
        return;
      }
      int index = 0;
      int count = 0;
      for (int i = 0; i < siblings.size(); i++) {
        if (siblings.get(i).name().equals(name)) {
          count++;
          if (i < position) {
            index++;
          }
        }
      }
      boolean repeats =
          count > 1 || ALWAYS_REPEATING.contains(name) || (root() && REPEATING.contains(name));
      b.append('.').append(name);
      if (repeats) {
        b.append('[').append(index).append(']');
      }
    }
  }

  /** The choice element a name belongs to ({@code bounds} for {@code boundsPeriod}), or null. */
  private static @Nullable String choiceBase(String elementName) {
    for (String base : CHOICE_BASES) {
      int n = base.length();
      if (elementName.length() > n
          && elementName.startsWith(base)
          && Character.isUpperCase(elementName.charAt(n))) {
        return base;
      }
    }
    return null;
  }

  /**
   * {@code Ratio} for {@code valueRatio}, {@code string} for {@code valueString}; null for other
   * names.
   */
  static @Nullable String choiceType(String elementName) {
    return choiceType(elementName, "value");
  }

  private static @Nullable String choiceType(String elementName, String base) {
    int n = base.length();
    if (!elementName.startsWith(base)
        || elementName.length() <= n
        || !Character.isUpperCase(elementName.charAt(n))) {
      return null;
    }
    String type = elementName.substring(n);
    boolean primitive = PRIMITIVES.contains(type);
    return primitive ? Character.toLowerCase(type.charAt(0)) + type.substring(1) : type;
  }

  private static final Set<String> PRIMITIVES =
      Set.of(
          "Base64Binary",
          "Boolean",
          "Canonical",
          "Code",
          "Date",
          "DateTime",
          "Decimal",
          "Id",
          "Instant",
          "Integer",
          "Integer64",
          "Markdown",
          "Oid",
          "PositiveInt",
          "String",
          "Time",
          "UnsignedInt",
          "Uri",
          "Url",
          "Uuid");

  /**
   * {@code Encounter} from {@code Encounter/123} or {@code http://x/fhir/Encounter/123/_history/2}.
   */
  static @Nullable String referencedType(@Nullable String reference) {
    if (reference == null || reference.startsWith("#") || reference.startsWith("urn:")) {
      return null;
    }
    String[] parts =
        reference.split("/", 0); // trailing empty parts dropped: Patient/1/ is Patient/1
    int history = -1;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("_history")) {
        history = i;
      }
    }
    int end = history >= 0 ? history : parts.length;
    if (end < 2) {
      return null;
    }
    String type = parts[end - 2];
    return !type.isEmpty() && Character.isUpperCase(type.charAt(0)) ? type : null;
  }

  final FhirElement element() {
    return task;
  }

  static @Nullable Located<String> primitive(
      @Nullable FhirElement parent, String name, String expression) {
    if (parent == null) {
      return null;
    }
    String v = parent.childValue(name);
    return v == null ? null : new Located<>(v.trim(), expression);
  }
}
