package dev.taskcheck.engine;

import dev.taskcheck.fhir.TaskElements;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.Node;
import dev.taskcheck.source.LocatedResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides which FHIR release a document was written for, from its content: a versioned core {@code
 * meta.profile} canonical ({@code http://hl7.org/fhir/StructureDefinition/Task|4.0.1}) first, then
 * elements of Task that exist in only one release ({@code requestedPerformer} only in R5, {@code
 * performerType} only in R4), and R4 when nothing tells. R4 and R4B Tasks have the same elements,
 * so only a profile version tells R4B. STU3 is chosen when more elements speak for it ({@code
 * context}, {@code definitionUri}/{@code definitionReference}, a single {@code reason}
 * CodeableConcept, {@code requester.agent}) than against it (elements STU3 does not have, such as
 * {@code encounter} or {@code instantiatesCanonical}); without STU3 evidence the choice between R4
 * and R5 is as before. FHIR 1.4.0 comes first, chosen the same way: its own elements ({@code
 * created}, {@code creator}, {@code failureReason}, {@code type}, {@code subject}, {@code parent},
 * {@code definition} as a uri) against those it lacks and the status codes it does not have ({@code
 * cancelled}, {@code entered-in-error}).
 */
public final class ReleaseDetector {

  private static final FhirRelease DEFAULT = FhirRelease.R4;
  private static final String CORE_PROFILE_PREFIX = "http://hl7.org/fhir/StructureDefinition/";
  private static final Set<String> R5_ONLY = TaskElements.onlyIn(FhirRelease.R5, FhirRelease.R4);
  private static final Set<String> R4_ONLY = TaskElements.onlyIn(FhirRelease.R4, FhirRelease.R5);

  /** Elements of R4 or R5 Task that STU3 Task lacks ({@code reason} is told by its shape). */
  private static final Set<String> NOT_STU3 = notStu3();

  /** Elements only STU3 Task has (its {@code definition[x]} is written with a type suffix). */
  private static final Set<String> STU3_ONLY =
      Set.of("context", "definitionUri", "definitionReference");

  /**
   * Top-level elements of FHIR 1.4.0's Task (the 2016May ballot) that no later release has; the
   * JSON name {@code definition} is 1.4.0's uri (STU3 writes {@code definitionUri}).
   */
  private static final Set<String> V14_ONLY =
      Set.of("type", "failureReason", "subject", "definition", "created", "creator", "parent");

  /** Top-level elements of the later releases' Task that 1.4.0 Task lacks. */
  private static final Set<String> NOT_V14 = notV14();

  private ReleaseDetector() {}

  /** Chooses the release for a document holding these Task resources. */
  public static ReleaseChoice detect(List<LocatedResource> tasks) {
    for (LocatedResource t : tasks) {
      ReleaseChoice choice = fromProfiles(t.node());
      if (choice != null) {
        return choice;
      }
    }
    Evidence e = evidence(tasks);
    return olderOr(
        FhirRelease.V1_4_0,
        "FHIR 1.4.0",
        e.v14(),
        e.notV14(),
        () ->
            olderOr(
                FhirRelease.STU3,
                "STU3",
                e.stu3(),
                e.notStu3(),
                () -> laterRelease(e.r4(), e.r5())));
  }

  /** What the Tasks' top-level elements say for each release, read in one pass. */
  private record Evidence(
      Set<String> r4,
      Set<String> r5,
      Set<String> stu3,
      Set<String> notStu3,
      Set<String> v14,
      Set<String> notV14) {}

  private static Evidence evidence(List<LocatedResource> tasks) {
    Evidence e =
        new Evidence(
            new LinkedHashSet<>(),
            new LinkedHashSet<>(),
            new LinkedHashSet<>(),
            new LinkedHashSet<>(),
            new LinkedHashSet<>(),
            new LinkedHashSet<>());
    for (LocatedResource t : tasks) {
      for (Node child : t.node().children()) {
        String name = child.name().startsWith("_") ? child.name().substring(1) : child.name();
        stu3Evidence(child, name, e.stu3(), e.notStu3());
        if (V14_ONLY.contains(name)) {
          e.v14().add("Task." + name);
        } else if (NOT_V14.contains(name)) {
          e.notV14().add("Task." + name);
        } else if (name.equals("status")
            && ("cancelled".equals(child.value()) || "entered-in-error".equals(child.value()))) {
          e.notV14().add("status code " + child.value());
        }
        if (R5_ONLY.contains(name)) {
          e.r5().add("Task." + name);
        } else if (R4_ONLY.contains(name)) {
          e.r4().add("Task." + name);
        } else if (name.equals("statusReason")) {
          // R5 statusReason is a CodeableReference (concept, reference), R4 a CodeableConcept
          // (coding, text)
          if (child.child("concept") != null || child.child("reference") != null) {
            e.r5().add("Task.statusReason.concept");
          } else if (child.child("coding") != null || child.child("text") != null) {
            e.r4().add("Task.statusReason.coding");
          }
        }
      }
    }
    return e;
  }

  /**
   * An older release (1.4.0, STU3) when more of its own elements speak for it than against it, else
   * what {@code otherwise} chooses; either way a conflict is named in the reason.
   *
   * @param label how the reason names the release ({@code FHIR 1.4.0}, {@code STU3})
   */
  private static ReleaseChoice olderOr(
      FhirRelease older,
      String label,
      Set<String> own,
      Set<String> against,
      Supplier<ReleaseChoice> otherwise) {
    if (!own.isEmpty() && own.size() > against.size()) {
      String why = describe(own, label);
      return new ReleaseChoice(
          older,
          against.isEmpty()
              ? why
              : "conflicting content: "
                  + why
                  + ", but "
                  + describeMissing(against, label)
                  + "; chose "
                  + older.code()
                  + " (more elements point to it)");
    }
    ReleaseChoice choice = otherwise.get();
    if (own.isEmpty()) {
      return choice;
    }
    return new ReleaseChoice(
        choice.release(),
        "conflicting content: "
            + describe(own, label)
            + ", but "
            + describeMissing(against, label)
            + "; chose "
            + choice.release().code()
            + " ("
            + choice.reason()
            + ")");
  }

  /**
   * Notes what a Task element says for or against STU3: its elements of its own, {@code reason} as
   * one CodeableConcept (R5's is a list of CodeableReferences), {@code requester} as an {@code
   * agent}/{@code onBehalfOf} pair (a Reference later); elements STU3 lacks.
   */
  private static void stu3Evidence(Node child, String name, Set<String> stu3, Set<String> notStu3) {
    if (STU3_ONLY.contains(name)) {
      stu3.add("Task." + name);
    } else if (name.equals("reason")) {
      // STU3: a CodeableConcept (coding, text); R5: CodeableReferences (concept, reference)
      if (!child.inArray() && (child.child("coding") != null || child.child("text") != null)) {
        stu3.add("Task.reason.coding");
      }
    } else if (name.equals("requester")) {
      if (child.child("agent") != null || child.child("onBehalfOf") != null) {
        stu3.add("Task.requester.agent");
      } else if (child.child("reference") != null || child.child("identifier") != null) {
        notStu3.add("Task.requester.reference");
      }
    } else if (NOT_STU3.contains(name)) {
      notStu3.add("Task." + name);
    } else if (name.equals("statusReason")
        && (child.child("concept") != null || child.child("reference") != null)) {
      notStu3.add("Task.statusReason.concept");
    }
  }

  private static Set<String> notV14() {
    Set<String> out = new LinkedHashSet<>();
    for (FhirRelease later : List.of(FhirRelease.STU3, FhirRelease.R4, FhirRelease.R5)) {
      out.addAll(TaskElements.onlyIn(later, FhirRelease.V1_4_0));
    }
    // STU3 writes its definition[x] with a type suffix
    out.add("definitionUri");
    out.add("definitionReference");
    return Set.copyOf(out);
  }

  private static Set<String> notStu3() {
    Set<String> out = new LinkedHashSet<>(TaskElements.onlyIn(FhirRelease.R4, FhirRelease.STU3));
    out.addAll(TaskElements.onlyIn(FhirRelease.R5, FhirRelease.STU3));
    out.remove("reason");
    return Set.copyOf(out);
  }

  /** The choice between R4 and R5 from the elements only one of them has. */
  private static ReleaseChoice laterRelease(Set<String> r4, Set<String> r5) {
    if (r5.isEmpty() && r4.isEmpty()) {
      return new ReleaseChoice(
          DEFAULT, "no version-specific content; " + DEFAULT.code() + " is the default");
    }
    if (r4.isEmpty()) {
      return new ReleaseChoice(FhirRelease.R5, describe(r5, "R5"));
    }
    if (r5.isEmpty()) {
      return new ReleaseChoice(FhirRelease.R4, describe(r4, "R4"));
    }
    FhirRelease chosen = r5.size() > r4.size() ? FhirRelease.R5 : FhirRelease.R4;
    return new ReleaseChoice(
        chosen,
        "conflicting content: "
            + describe(r5, "R5")
            + ", but "
            + describe(r4, "R4")
            + "; chose "
            + chosen.code()
            + (r5.size() == r4.size()
                ? " (the default on a tie)"
                : " (more elements point to it)"));
  }

  private static @Nullable ReleaseChoice fromProfiles(Node task) {
    Node meta = task.child("meta");
    if (meta == null) {
      return null;
    }
    for (Node profile : meta.children("profile")) {
      String url = profile.value();
      if (url == null) {
        continue;
      }
      int bar = url.lastIndexOf('|');
      // only core profiles carry a FHIR version; an IG's profile version (US Core 5.0.0) is the
      // IG's own
      if (bar < 0 || !url.startsWith(CORE_PROFILE_PREFIX)) {
        continue;
      }
      String version = url.substring(bar + 1);
      FhirRelease release = releaseOfVersion(version);
      if (release != null) {
        return new ReleaseChoice(release, "meta.profile " + url + " names FHIR " + version);
      }
    }
    return null;
  }

  /**
   * True when {@code url} is a versioned core canonical ({@code
   * http://hl7.org/fhir/StructureDefinition/Task|4.0.1}) whose version names {@code release}: the
   * way to pick a release, which names the core definition every resource is checked against
   * anyway.
   */
  public static boolean namesCoreRelease(String url, FhirRelease release) {
    int bar = url.lastIndexOf('|');
    return bar > 0
        && url.startsWith(CORE_PROFILE_PREFIX)
        && releaseOfVersion(url.substring(bar + 1)) == release;
  }

  /** The canonical without its version when {@link #namesCoreRelease}, else as it is. */
  public static String withoutCoreVersion(String url, FhirRelease release) {
    return namesCoreRelease(url, release) ? url.substring(0, url.lastIndexOf('|')) : url;
  }

  private static @Nullable FhirRelease releaseOfVersion(String version) {
    if (version.equals("1.4.0")) {
      return FhirRelease.V1_4_0;
    }
    if (version.startsWith("3.0")) {
      return FhirRelease.STU3;
    }
    if (version.startsWith("4.0")) {
      return FhirRelease.R4;
    }
    if (version.startsWith("4.3")) {
      return FhirRelease.R4B;
    }
    if (version.startsWith("5.0")) {
      return FhirRelease.R5;
    }
    return null;
  }

  private static String describeMissing(Set<String> elements, String release) {
    return listed(elements)
        + (elements.size() == 1 ? " does not exist in " : " do not exist in ")
        + release;
  }

  private static String listed(Set<String> elements) {
    List<String> list = new ArrayList<>(elements);
    return (list.size() == 1 ? "element " : "elements ")
        + String.join(", ", list.subList(0, Math.min(3, list.size())))
        + (list.size() > 3 ? " and " + (list.size() - 3) + " more" : "");
  }

  private static String describe(Set<String> elements, String release) {
    return listed(elements) + (elements.size() == 1 ? " exists" : " exist") + " only in " + release;
  }
}
