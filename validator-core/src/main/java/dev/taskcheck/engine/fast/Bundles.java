package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which Bundles the fast engine checks (docs/engines/reference-behaviour.md §18): a collection,
 * history, searchset, transaction or batch whose entries each hold a resource (or, in a history, a
 * deletion without one) under a fullUrl that names it ({@code http(s)://.../<type>/<its id>} or a
 * valid {@code urn:uuid:}; in a transaction or batch, a Task without references may have none),
 * with no Bundle inside that holds a Task, whose Task entries have no contained resources and no
 * reference the reference engine reports as not resolvable in the Bundle (one that resolves is
 * checked against its target's type), whose links its link rules accept, and, in a searchset, whose
 * entries all have a search mode its search rules accept. The Bundle's own elements and invariants,
 * and each Task entry, are then walked with the plan; the other entries are not walked, since every
 * finding about them is dropped (§4). Everything else (documents, messages, fullUrls that do not
 * match) stays with the reference engine, whose rules for it are its own.
 */
final class Bundles {

  private static final Set<String> TYPES =
      Set.of("collection", "history", "searchset", "transaction", "batch");
  private static final Pattern UUID =
      Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TYPE_ID =
      Pattern.compile("([A-Z][A-Za-z]*)/([A-Za-z0-9\\-.]{1,64})");
  private static final String CONTAINED = "contained";

  private Bundles() {}

  /**
   * What the Task entries' references resolve to, or NotCovered where the Bundle is not covered.
   */
  static Targets taskEntries(Node bundle, FhirRelease release, Types types) {
    if (bundle.child("_type") != null) {
      throw new NotCovered("a Bundle with type extensions");
    }
    Node type = bundle.child("type");
    String bundleType =
        type != null && type.kind() == Node.Kind.STRING && !type.inArray() ? type.value() : null;
    if (bundleType == null || !TYPES.contains(bundleType)) {
      throw new NotCovered("a Bundle of type " + (bundleType == null ? "(none)" : bundleType));
    }
    String self = selfLink(bundle, bundleType);
    List<Node> entries = bundle.children("entry");
    if (entries.isEmpty() || !entries.get(0).inArray()) {
      throw new NotCovered("a Bundle without an array of entries");
    }
    if ("searchset".equals(bundleType)) {
      searchModes(entries, searchedTypes(self, types));
    }
    boolean transaction = bundleType.equals("transaction") || bundleType.equals("batch");
    List<Node> tasks = new ArrayList<>();
    List<@Nullable String> taskUrls = new ArrayList<>();
    Map<String, String> fullUrls = new HashMap<>();
    Set<String> typeIds = new HashSet<>();
    for (Node entry : entries) {
      if (entry.kind() != Node.Kind.OBJECT) {
        throw new NotCovered("a Bundle entry that is not an object");
      }
      if (entry.child("_fullUrl") != null || entry.child("link") != null) {
        throw new NotCovered("a Bundle entry with links or fullUrl extensions");
      }
      Node request = entry.child("request");
      if (request != null
          && string(request.child("method")) == null
          && request.child("_method") != null) {
        // HL7 core fails (NullPointerException) on a method given by its extensions alone (a
        // data-absent-reason: mutant remove-required/absent-reason); a missing one it reports
        throw new NotCovered("a Bundle entry request whose method has extensions but no value");
      }
      Node resource = entry.child("resource");
      if (resource == null) {
        if (!"history".equals(bundleType)) {
          throw new NotCovered("a Bundle entry without a resource");
        }
        continue;
      }
      String resourceType = resource.resourceType();
      if (resource.kind() != Node.Kind.OBJECT
          || resource.inArray()
          || resourceType == null
          || (resourceType.equals("Bundle") && holdsTask(resource))
          || !types.isConcreteResourceName(resourceType)) {
        throw new NotCovered("a Bundle entry that is not a Task or a plain resource");
      }
      boolean task = resourceType.equals("Task");
      if (task && (resource.child(CONTAINED) != null || resource.child("_" + CONTAINED) != null)) {
        throw new NotCovered("a Task entry with contained resources");
      }
      if (resource.child("_id") != null) {
        // the parser may drop the id with its partner, and the fullUrl rules then report
        throw new NotCovered("a Bundle entry whose resource has an _id");
      }
      String id = string(resource.child("id"));
      String fullUrl = string(entry.child("fullUrl"));
      if (id != null) {
        typeIds.add(resourceType + "/" + id);
      }
      if (fullUrl == null && transaction && !(task && hasReference(resource))) {
        // a transaction or batch needs no fullUrl; one whose resource refers to something is
        // reported (Bundle_BUNDLE_Entry_NoFullUrl), so a Task without references only
        if (task) {
          tasks.add(resource);
          taskUrls.add(null);
        }
        continue;
      }
      // an entry under a urn:uuid needs no id (a RESTful fullUrl names it)
      boolean named =
          fullUrl != null
              && (fullUrl.startsWith("urn:uuid:")
                  ? UUID.matcher(fullUrl).matches()
                  : id != null && namesResource(fullUrl, resourceType, id));
      if (fullUrl == null || !named) {
        throw new NotCovered("a Bundle entry whose fullUrl does not name its resource plainly");
      }
      if ("urn".equals(scheme(fullUrl)) && release == FhirRelease.R5 && !transaction) {
        // REFERENCE_REF_REL_UNSOLVEABLE for its relative references: not reproduced here
        throw new NotCovered("an R5 Bundle entry under a urn:uuid fullUrl");
      }
      if (fullUrls.put(fullUrl, resourceType) != null && !"history".equals(bundleType)) {
        // a reference to it is Bundle_BUNDLE_MultipleMatches (a mutant of bundle/fullurl-duplicate)
        fullUrls.put(fullUrl, TWO_ENTRIES);
      }
      if (task) {
        tasks.add(resource);
        taskUrls.add(fullUrl);
      }
    }
    IdentityHashMap<Node, Map<String, String>> targets = new IdentityHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Map<String, String> resolved = new HashMap<>();
      String fullUrl = taskUrls.get(i);
      references(
          tasks.get(i),
          fullUrl == null ? null : base(fullUrl),
          transaction,
          fullUrls,
          typeIds,
          resolved);
      targets.put(tasks.get(i), resolved);
    }
    return new Targets(targets);
  }

  /**
   * The references of each Task entry that resolve to another entry, with the type of the resource
   * they resolve to, by the reference's text.
   */
  record Targets(IdentityHashMap<Node, Map<String, String>> byTask) {

    /**
     * What {@link #type} gives for a relative reference that has neither one nor three {@code /}:
     * the reference engine reports it as not of the form {@code Type/id} and does not resolve it.
     */
    static final String FORMAT2 = "/";

    /** No references resolved: a document that is not a Bundle. */
    /** No Bundle: one instance for every document, whose map nothing writes. */
    private static final Targets NONE = new Targets(new IdentityHashMap<>());

    static Targets none() {
      return NONE;
    }

    /** The type of the entry {@code reference} in {@code task} resolves to, or null. */
    @Nullable String type(Node task, String reference) {
      Map<String, String> resolved = byTask.get(task);
      return resolved == null ? null : resolved.get(reference);
    }
  }

  /** The RESTful base of a Task entry's fullUrl ({@code http://x/fhir}), or null for a urn. */
  private static @Nullable String base(String fullUrl) {
    if (fullUrl.startsWith("urn:")) {
      return null;
    }
    int end = fullUrl.lastIndexOf('/', fullUrl.lastIndexOf('/') - 1);
    return fullUrl.substring(0, end);
  }

  /**
   * The url of the Bundle's self link, or null when it has none; NotCovered where the reference
   * engine's link rules would report: a relation it prohibits outside a searchset or history
   * ({@code first}, {@code previous}, {@code next}, {@code last}) or one given twice.
   */
  private static @Nullable String selfLink(Node bundle, String type) {
    List<Node> links = bundle.children("link");
    if (links.isEmpty()) {
      return null;
    }
    if (!links.get(0).inArray()) {
      throw new NotCovered("a Bundle link that is not an array");
    }
    Set<String> relations = new HashSet<>();
    String self = null;
    for (Node link : links) {
      String relation = link.kind() == Node.Kind.OBJECT ? string(link.child("relation")) : null;
      if (relation == null
          || !relations.add(relation)
          || (!"self".equals(relation) && !"searchset".equals(type) && !"history".equals(type))) {
        throw new NotCovered("a Bundle link the reference engine's link rules report");
      }
      if ("self".equals(relation)) {
        self = string(link.child("url"));
      }
    }
    return self;
  }

  /**
   * The resource types a searchset's self link searches, as the reference engine reads them: the
   * last step of the path when it names a resource type, else the {@code _type} parameter.
   */
  private static List<String> searchedTypes(@Nullable String self, Types types) {
    List<String> searched = new ArrayList<>();
    if (self == null) {
      return searched;
    }
    int q = self.indexOf('?');
    @SuppressWarnings("StringSplitter") // String.split as the reference engine splits
    String[] head = (q >= 0 ? self.substring(0, q) : self).split("/");
    if (head.length > 0 && types.isConcreteResourceName(head[head.length - 1])) {
      searched.add(head[head.length - 1]);
    } else if (q >= 0) {
      for (String parameter : self.substring(q + 1).split("&", -1)) {
        if (parameter.startsWith("_type=")) {
          searched.addAll(List.of(parameter.substring("_type=".length()).split(",", -1)));
        }
      }
    }
    return searched;
  }

  /**
   * A searchset whose entries all have a search mode, {@code match} or {@code include}, and no
   * searched type a Task is not: the reference engine's search rules then report nothing about
   * them.
   */
  private static void searchModes(List<Node> entries, List<String> types) {
    for (Node entry : entries) {
      Node search = entry.kind() == Node.Kind.OBJECT ? entry.child("search") : null;
      String mode =
          search != null && search.kind() == Node.Kind.OBJECT && !search.inArray()
              ? string(search.child("mode"))
              : null;
      if (mode == null || !(mode.equals("match") || mode.equals("include"))) {
        throw new NotCovered("a searchset entry without a search mode of match or include");
      }
      if (mode.equals("match") && !types.isEmpty() && !types.contains("Task")) {
        throw new NotCovered("a searchset match entry of a type not searched");
      }
    }
  }

  /**
   * A fullUrl that names the entry's resource: {@code http(s)://.../<type>/<id>}, or a urn:uuid.
   */
  private static boolean namesResource(String fullUrl, String type, String id) {
    if (fullUrl.startsWith("urn:uuid:")) {
      return UUID.matcher(fullUrl).matches();
    }
    String tail = "/" + type + "/" + id;
    return (fullUrl.startsWith("http://") || fullUrl.startsWith("https://"))
        && fullUrl.endsWith(tail)
        && !fullUrl.contains("/_history/")
        && fullUrl.length() > fullUrl.indexOf("//") + 2 + tail.length();
  }

  /**
   * Whether a Task is anywhere in this object (a Bundle inside: the reference engine checks it).
   */
  private static boolean holdsTask(Node node) {
    if ("Task".equals(node.resourceType())) {
      return true;
    }
    for (Node c : node.children()) {
      if (c.kind() == Node.Kind.OBJECT && holdsTask(c)) {
        return true;
      }
    }
    return false;
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon);
  }

  /**
   * Resolves a Task entry's references as the reference engine does (reference-behaviour.md §18):
   * an absolute one or a urn to the entry with that fullUrl, a relative {@code Type/id} to the
   * entry whose fullUrl is the Task entry's RESTful base followed by it. Leaves what else it would
   * report: a local reference, a urn no entry has, a relative reference that is not {@code
   * Type/id}, and one that does not resolve while some entry has its type and id (a possible
   * match).
   */
  private static void references(
      Node node,
      @Nullable String base,
      boolean transaction,
      Map<String, String> fullUrls,
      Set<String> typeIds,
      Map<String, String> resolved) {
    for (Node c : node.children()) {
      if (c.name().equals("reference") && scalar(c)) {
        String ref = c.value();
        if (ref != null && !ref.isEmpty()) {
          String type = target(ref, base, transaction, fullUrls, typeIds);
          if (type != null) {
            resolved.put(ref, type);
          }
        }
      }
      if (c.kind() == Node.Kind.OBJECT) {
        references(c, base, transaction, fullUrls, typeIds, resolved);
      }
    }
  }

  /**
   * A reference's text as the reference engine's parser keeps it: a string, or a number or boolean
   * read as its text (`"reference": true` is the reference {@code true}).
   */
  private static boolean scalar(Node n) {
    return n.kind() == Node.Kind.STRING
        || n.kind() == Node.Kind.NUMBER
        || n.kind() == Node.Kind.BOOLEAN;
  }

  /** Whether a resource holds a reference (a {@code reference} with a value). */
  private static boolean hasReference(Node node) {
    for (Node c : node.children()) {
      if (c.name().equals("reference") && scalar(c)) {
        return true;
      }
      if (c.kind() == Node.Kind.OBJECT && hasReference(c)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String target(
      String ref,
      @Nullable String base,
      boolean transaction,
      Map<String, String> fullUrls,
      Set<String> typeIds) {
    String exact = fullUrls.get(ref);
    if (exact != null) {
      return twoEntries(exact);
    }
    if (ref.startsWith("#") || ref.startsWith("urn:")) {
      throw new NotCovered("a local reference, or a urn no entry has, in a Bundle");
    }
    if (ref.startsWith("http://") || ref.startsWith("https://")) {
      for (String typeId : typeIds) {
        if (ref.endsWith("/" + typeId)) {
          throw new NotCovered("a reference that may match another entry of the Bundle");
        }
      }
      return null;
    }
    if (ref.indexOf('?') >= 0 || Primitives.isAbsoluteUrl(ref)) {
      throw new NotCovered("a conditional reference, or a URL other than http(s), in a Bundle");
    }
    long slashes = ref.chars().filter(ch -> ch == '/').count();
    if (slashes != 1 && slashes != 3) {
      if (transaction) {
        // Reference_REF_Format1 unless it is a search: not reproduced here
        throw new NotCovered("a relative reference in a transaction that is not Type/id");
      }
      return Targets.FORMAT2;
    }
    if (!TYPE_ID.matcher(ref).matches()) {
      throw new NotCovered("a relative reference in a Bundle that is not Type/id");
    }
    String type = base == null ? null : fullUrls.get(base + "/" + ref);
    if (type == null && typeIds.contains(ref)) {
      throw new NotCovered("a reference that may match another entry of the Bundle");
    }
    return type == null ? null : twoEntries(type);
  }

  /**
   * What {@code fullUrls} holds for a fullUrl that two entries of a Bundle other than a history
   * have: a reference to it is not covered.
   */
  private static final String TWO_ENTRIES = "";

  private static String twoEntries(String type) {
    if (type.equals(TWO_ENTRIES)) {
      throw new NotCovered("a reference to a fullUrl two entries of the Bundle have");
    }
    return type;
  }

  private static @Nullable String string(@Nullable Node n) {
    return n != null && n.kind() == Node.Kind.STRING && !n.inArray() ? n.value() : null;
  }
}
