package dev.taskcheck.engine;

import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Format;
import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * The reference structure engine: HAPI's {@code FhirInstanceValidator} (the HL7 core instance
 * validator) over an offline support chain, covering base-spec structure and profiles (stages 1 and
 * 2). Definitions load once per release and process, on first use; the validators are shared by all
 * threads and instances.
 */
public final class ReferenceEngine implements Stage {

  private final MessageMapper mapper =
      new MessageMapper(StructureIds.load(), ParserMessages.load());
  private final Consumer<Throwable> failures;
  private final boolean taskProfile;

  /**
   * @param failures told about every failure of the underlying engine (shown with {@code --debug})
   */
  public ReferenceEngine(Consumer<Throwable> failures) {
    this(failures, true);
  }

  /**
   * @param failures told about every failure of the underlying engine (shown with {@code --debug})
   * @param taskProfile whether each Task is also validated against TaskCheck's Task profile (false
   *     when no profile rule can report in the run, to save the profile's second pass)
   */
  public ReferenceEngine(Consumer<Throwable> failures, boolean taskProfile) {
    this(failures, taskProfile, IgSet.NONE, List.of());
  }

  /**
   * @param failures told about every failure of the underlying engine (shown with {@code --debug})
   * @param taskProfile whether each Task is also validated against TaskCheck's Task profile
   * @param igs IG packages loaded beside the core definitions: a Task is checked against each
   *     profile of theirs it claims in {@code meta.profile}
   * @param profiles canonical URLs every Task is checked against, claimed or not ({@code
   *     --profile})
   */
  public ReferenceEngine(
      Consumer<Throwable> failures, boolean taskProfile, IgSet igs, List<String> profiles) {
    this.failures = failures;
    this.taskProfile = taskProfile;
    this.igs = igs;
    this.profiles = List.copyOf(profiles);
  }

  private final IgSet igs;
  private final List<String> profiles;

  @Override
  public String name() {
    return "reference";
  }

  /** Loads the definitions of a release now rather than on the first document that needs them. */
  public void preload(FhirRelease release) {
    validator(release);
  }

  private ReleaseValidator validator(FhirRelease release) {
    return ReleaseValidator.shared(release, igs);
  }

  /** The profiles a document is checked against: those it claims, then those of the run. */
  private List<String> profilesOf(Node root) {
    List<String> claimed = declaredProfiles(root);
    if (profiles.isEmpty()) {
      return claimed;
    }
    List<String> all = new ArrayList<>(claimed);
    for (String p : profiles) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    return all;
  }

  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    sink.checkedBy(Result.ENGINE_REFERENCE);
    ReleaseValidator v = validator(unit.release().release());
    Node root = unit.document().root();
    boolean xml = unit.document().format() == Format.XML;
    String text = unit.document().text();
    List<ValidationMessage> messages;
    try {
      messages = v.validate(text, xml, profilesOf(root), taskProfile);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      // HL7 core throws a plain java.lang.Error for content it cannot read (for example "Attempt to
      // read a single element when there is more than one present" on a duplicated property): the
      // resource cannot be checked, which is a finding about it, not a failure of the run
      failures.accept(e);
      sink.add(unreadable(e, root));
      return;
    } catch (RuntimeException e) {
      ProfileRewrite.Rewritten rewritten =
          xml ? null : ProfileRewrite.withoutValuelessProfiles(text, root.name());
      if (rewritten == null) {
        failures.accept(e);
        sink.add(engineFailure(e, root));
        return;
      }
      try {
        messages = v.validate(rewritten.text(), false, profilesOf(root), taskProfile);
      } catch (RuntimeException again) {
        failures.accept(again);
        sink.add(engineFailure(again, root));
        return;
      }
      for (String path : rewritten.removed()) {
        int[] at = dev.taskcheck.parse.NodePath.position(root, path);
        sink.add(
            new Issue(
                StructureIds.OTHER,
                Severity.INFORMATION,
                "not-supported",
                path,
                at[0],
                at[1],
                "this meta.profile entry has no value (only extensions); the structure engine cannot check such an"
                    + " entry, so it was left out of the structure check, and the rest of the resource was checked",
                IssueSource.STRUCTURE,
                "taskcheck-valueless-profile"));
      }
    }
    List<Issue> issues = postProcess(messages, root, unit.document().firstLine());
    if (xml) {
      issues = XmlMessageFixes.apply(issues, unit.document());
    }
    for (Issue issue : issues) {
      sink.add(issue);
    }
  }

  /**
   * Maps every message, then removes what only repeats another finding: HAPI's copy of an
   * unknown-profile message without a location, and the code-system echo of a binding failure at
   * the same element.
   */
  private List<Issue> postProcess(List<ValidationMessage> messages, Node root, int firstLine) {
    Set<String> locatedIds = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (m.getLocation() != null && m.getMessageId() != null) {
        locatedIds.add(m.getMessageId());
      }
    }
    List<Issue> mapped = new ArrayList<>();
    for (ValidationMessage m : messages) {
      if (m.getLocation() == null
          && m.getMessageId() != null
          && locatedIds.contains(m.getMessageId())) {
        continue;
      }
      mapped.add(mapper.map(m, root, firstLine));
    }
    Set<String> bindingAt = new HashSet<>();
    for (Issue i : mapped) {
      if (i.ruleId().equals(StructureIds.BINDING)
          && !"Terminology_PassThrough_TX_Message".equals(i.messageId())) {
        bindingAt.add(i.expression() + "|" + i.severity());
      }
    }
    List<Issue> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Issue i : mapped) {
      if (i.ruleId().equals(StructureIds.BINDING)
          && "Terminology_PassThrough_TX_Message".equals(i.messageId())
          && bindingAt.contains(i.expression() + "|" + i.severity())) {
        continue;
      }
      if (seen.add(
          List.of(i.ruleId(), i.severity(), Objects.toString(i.expression()), i.message()))) {
        out.add(i);
      }
    }
    return out;
  }

  private static Issue unreadable(Error e, Node root) {
    return new Issue(
        StructureIds.PARSE,
        Severity.FATAL,
        "structure",
        root.name(),
        root.line(),
        root.column(),
        "the structure engine cannot read this resource: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
        IssueSource.STRUCTURE,
        null);
  }

  private static Issue engineFailure(RuntimeException e, Node root) {
    Throwable cause = rootCause(e);
    boolean format = cause instanceof FHIRFormatError;
    return new Issue(
        format ? StructureIds.PARSE : StructureIds.INTERNAL,
        Severity.FATAL,
        format ? "structure" : "exception",
        root.name(),
        root.line(),
        root.column(),
        (format
                ? "the structure engine cannot read this resource: "
                : "the structure engine (HAPI FHIR / HL7 core) failed on this resource, so it was not checked: ")
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        IssueSource.STRUCTURE,
        null);
  }

  /** The canonical URLs of the root resource's {@code meta.profile}, as HAPI reads them. */
  static List<String> declaredProfiles(Node root) {
    Node meta = root.child("meta");
    if (meta == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node p : meta.children("profile")) {
      if (p.value() != null && !p.value().isBlank()) {
        out.add(p.value());
      }
    }
    return out;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
