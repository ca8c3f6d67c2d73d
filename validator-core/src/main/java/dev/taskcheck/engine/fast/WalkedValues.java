package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Complex values the walker has walked, by content, with what their walk found: a later value with
 * the same content, checked against the same definitions, gets the same findings at its own place
 * and is not walked again. A bulk export repeats most of its codings, types, units, outputs and
 * many references from Task to Task.
 *
 * <p>What makes this sound is what the walker keeps ({@link Walker}): only a value whose walk ran
 * no FHIRPath evaluation (which may read {@code %resource}), entered no extension, checked no
 * narrative, left no mark on its resource (local references, checks waiting for contained
 * resources) and had no invariant left out by the issue policy (which depends on where the value
 * is); only findings whose expressions lie inside the value; and only in a document with no
 * contained resource that is not a Bundle, where nothing a value refers to can resolve. Then the
 * walk of a value is a function of its content, its definitions, its type and whether the document
 * declares a known profile, which are the key; its findings differ only in where they are. The
 * content is compared in full on a hit: the hash only finds the slot.
 *
 * <p>One table per thread and engine ({@link Engine#walkedValues}) of {@link #SLOTS} slots, each
 * keeping the last value stored there: bounded, and nothing to lock. A value is kept the second
 * time it is walked within a short window ({@link #SEEN}), so that the many walked once are not
 * held: under G1 a value held until its slot is taken costs more than its walk saves (a window of
 * 2,500 Tasks measured 0.90 against one of 600, one of 300 1.05).
 */
final class WalkedValues {

  /**
   * How many values are kept (a power of two). 4,096 measured 2% faster on the benchmark, but held
   * values reach the old generation, and a 1,000,000-Task run under {@code -Xmx256m} then peaked at
   * 392 MB RSS in half the runs (300 MB with 1,024).
   */
  static final int SLOTS = 1024;

  /**
   * How many hashes of values walked once are remembered (a power of two): about 13 values per Task
   * come once, so a value must come again within about SEEN / 13 Tasks (300) to be kept.
   */
  static final int SEEN = 4096;

  /**
   * The hash of a value that is never kept: the parser noticed something about one of its objects.
   */
  static final int NOT_KEPT = 0;

  /** A finding's expression is the value's FHIRPath ({@link Loc#toString}) and this suffix. */
  private static final byte PATH = 0;

  /** A finding's expression is the value's path as the parser names it ({@link Loc#parserPath}). */
  private static final byte PARSER = 1;

  private final @Nullable Slot[] slots = new Slot[SLOTS];

  /**
   * The hash of each slot's value ({@link #NOT_KEPT} for an empty slot), read before the slot: most
   * values looked up are not kept (identifiers, dates, references seen once), and telling so from
   * this small array spares reading a slot object that lies anywhere in the heap.
   */
  private final int[] hashes = new int[SLOTS];

  /**
   * The hashes of values walked once, by slot: a value is kept the second time it is walked, so
   * that the many that come once (identifiers, dates, most references) are not held.
   */
  private final int[] seen = new int[SEEN];

  private long hits;

  /** A value kept, its key and its findings. */
  static final class Slot {
    private final Node value;
    private final ElementDef base;
    private final TypeDef baseOwner;
    private final @Nullable ElementDef profile;
    private final @Nullable TypeDef profileOwner;
    private final String type;
    private final boolean baseOnly;

    /** The findings, each with the rest of its expression after the value's path. */
    private final Findings.Made[] findings;

    /** How each finding's expression begins ({@link #PATH}, {@link #PARSER}). */
    private final byte[] forms;

    /**
     * Whether the value's path had no choice element: its two forms were the same, so which one
     * each finding took is not known, and the findings are made again only where that is so too.
     */
    private final boolean choiceFree;

    private Slot(
        Node value,
        Walker.Defs defs,
        String type,
        boolean baseOnly,
        Findings.Made[] findings,
        byte[] forms,
        boolean choiceFree) {
      this.value = value;
      this.base = defs.base();
      this.baseOwner = defs.baseOwner();
      this.profile = defs.profile();
      this.profileOwner = defs.profileOwner();
      this.type = type;
      this.baseOnly = baseOnly;
      this.findings = findings;
      this.forms = forms;
      this.choiceFree = choiceFree;
    }

    /**
     * Makes the kept findings at {@code at}, and returns true; false when they cannot be placed
     * there (the value was kept where its path had no choice element, and this one has).
     */
    boolean replay(Loc at, Findings out) {
      if (findings.length == 0) {
        return true;
      }
      if (choiceFree && at.hasChoice()) {
        return false;
      }
      String path = at.toString();
      String parser = null;
      for (int i = 0; i < findings.length; i++) {
        Findings.Made m = findings[i];
        String prefix;
        if (forms[i] == PARSER) {
          if (parser == null) {
            parser = at.parserPath();
          }
          prefix = parser;
        } else {
          prefix = path;
        }
        out.again(m.at(prefix + m.expression()));
      }
      return true;
    }
  }

  /**
   * How much content a value kept may have, in characters of its primitive values plus one per
   * node: a bigger one (a long text, an attachment's data) is walked each time rather than held.
   */
  static final int MAX_CONTENT = 8192;

  /**
   * The hash of a value's content ({@link Node#contentHash}: names, kinds, values, array
   * membership, resource types, in order), or {@link #NOT_KEPT} when the value is not kept: one of
   * its objects has parser notes (empty arrays, repeated keys), which the content does not show.
   * The node keeps its hash, so that the values inside a value walked next cost no second reading.
   */
  int hash(Node value) {
    int h = value.contentHash();
    if (h == Node.NOTED) {
      return NOT_KEPT;
    }
    // spread the bits (the finalizer of MurmurHash3) so that the low ones pick the slot
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h == NOT_KEPT ? 1 : h;
  }

  /**
   * What is left of {@code left} after a value's content, in characters of its primitive values
   * plus one per node; negative when the value has more than {@code left}.
   */
  private static int within(Node n, int left) {
    left--;
    String v = n.value();
    if (v != null) {
      left -= v.length();
    }
    List<Node> children = n.children();
    for (int i = 0; i < children.size() && left >= 0; i++) {
      left = within(children.get(i), left);
    }
    return left;
  }

  /** The walk kept for a value with this content and key, or null. */
  @SuppressWarnings("ReferenceEquality") // the plan's definitions, one object each
  @Nullable Slot find(int hash, Node value, Walker.Defs defs, String type, boolean baseOnly) {
    int i = hash & (SLOTS - 1);
    if (hashes[i] != hash) {
      return null;
    }
    // the slot's value has this hash: the table is one thread's, and store writes both
    Slot s = slots[i];
    if (s == null
        || s.base != defs.base()
        || s.baseOwner != defs.baseOwner()
        || s.profile != defs.profile()
        || s.profileOwner != defs.profileOwner()
        || s.baseOnly != baseOnly
        || !s.type.equals(type)
        || !sameContent(s.value, value)) {
      return null;
    }
    hits++;
    return s;
  }

  /**
   * Keeps the walk of a value at {@code at} with its findings (replacing what the slot held),
   * unless a finding lies outside the value.
   */
  void store(
      int hash,
      Node value,
      Walker.Defs defs,
      String type,
      boolean baseOnly,
      Loc at,
      List<Findings.Made> found) {
    int door = hash & (SEEN - 1);
    if (seen[door] != hash) {
      seen[door] = hash;
      return;
    }
    if (within(value, MAX_CONTENT) < 0) {
      return;
    }
    Findings.Made[] findings = new Findings.Made[found.size()];
    byte[] forms = new byte[found.size()];
    boolean choiceFree = true;
    if (!found.isEmpty()) {
      choiceFree = !at.hasChoice();
      String path = at.toString();
      String parser = choiceFree ? path : at.parserPath();
      for (int i = 0; i < findings.length; i++) {
        Findings.Made m = found.get(i);
        String e = m.expression();
        if (inside(e, path)) {
          forms[i] = PATH;
          findings[i] = m.at(e.substring(path.length()));
        } else if (inside(e, parser)) {
          forms[i] = PARSER;
          findings[i] = m.at(e.substring(parser.length()));
        } else {
          return;
        }
      }
    }
    int i = hash & (SLOTS - 1);
    slots[i] = new Slot(value, defs, type, baseOnly, findings, forms, choiceFree);
    hashes[i] = hash;
  }

  /** Whether {@code expression} names {@code path} or something inside it. */
  private static boolean inside(String expression, String path) {
    if (!expression.startsWith(path)) {
      return false;
    }
    if (expression.length() == path.length()) {
      return true;
    }
    char next = expression.charAt(path.length());
    return next == '.' || next == '[';
  }

  /**
   * Whether two values have the same content, as {@link #hash} reads it: equal hashes (kept by the
   * nodes, and never {@link Node#NOTED} for both: a value with parser notes is not the same as any
   * other), then the nodes themselves, level by level.
   */
  @SuppressWarnings("ReferenceEquality") // the same node has the same content
  static boolean sameContent(Node a, Node b) {
    if (a == b) {
      return true;
    }
    int h = a.contentHash();
    if (h != b.contentHash() || h == Node.NOTED) {
      return false;
    }
    return sameNodes(a, b);
  }

  /** {@link #sameContent} below two nodes of equal hashes, neither of them noted. */
  private static boolean sameNodes(Node a, Node b) {
    if (a.kind() != b.kind()
        || a.inArray() != b.inArray()
        || !a.name().equals(b.name())
        || !Objects.equals(a.value(), b.value())
        || !Objects.equals(a.resourceType(), b.resourceType())) {
      return false;
    }
    List<Node> ac = a.children();
    List<Node> bc = b.children();
    if (ac.size() != bc.size()) {
      return false;
    }
    for (int i = 0; i < ac.size(); i++) {
      Node x = ac.get(i);
      Node y = bc.get(i);
      // a child's hash was made with its parent's, and is kept: a cheap first test
      if (x.contentHash() != y.contentHash() || !sameNodes(x, y)) {
        return false;
      }
    }
    return true;
  }

  /** How many values were found kept, on this thread (for tests). */
  long hits() {
    return hits;
  }
}
