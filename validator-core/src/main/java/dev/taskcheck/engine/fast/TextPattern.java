package dev.taskcheck.engine.fast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A regular expression tested against whole values, as {@link java.util.regex.Matcher#matches()}
 * tests it, but compiled to a deterministic automaton where the expression keeps to the small
 * syntax FHIR's type patterns and the engine's own patterns use: literals, escapes, character
 * classes ({@code [a-z]}, {@code [^\s]}, {@code \S}, {@code \d}, {@code \w}, {@code .}), groups,
 * alternation, the greedy quantifiers and a {@code ^} or {@code $} at either end. A value is then
 * tested in one pass over its code points, with no backtracking and no allocation. Any other
 * construct (look-around, back-references, lazy or possessive quantifiers, flags, {@code \p}
 * classes) leaves the expression to {@link Pattern}, so the answer is the same either way.
 * Immutable and thread-safe.
 */
abstract sealed class TextPattern {

  /** More states than this and the expression is left to {@link Pattern}. */
  private static final int MAX_STATES = 4096;

  /** The expression as written. */
  abstract String regex();

  /** True when the whole of {@code value} matches. */
  abstract boolean matches(CharSequence value);

  /** Compiles {@code regex}: to an automaton where its syntax allows, else with {@link Pattern}. */
  static TextPattern compile(String regex) {
    Pattern checked = Pattern.compile(regex); // the same PatternSyntaxException for a bad one
    try {
      Node tree = new Parser(regex).parse();
      return Dfa.build(regex, tree);
    } catch (Unsupported e) {
      return new Fallback(regex, checked);
    }
  }

  /**
   * {@link #compile}, deferred to the first test of a value: a pattern no document needs costs
   * nothing at start-up (building an automaton takes milliseconds).
   */
  static TextPattern lazy(String regex) {
    return new Lazy(regex);
  }

  /** True when {@code regex} runs as an automaton (for tests and diagnostics). */
  boolean isAutomaton() {
    return this instanceof Dfa;
  }

  /** This pattern's automaton, or null when it runs with {@link Pattern}. */
  @Nullable Dfa automaton() {
    return this instanceof Dfa d ? d : null;
  }

  /**
   * True when every value {@code inner} matches, {@code outer} matches too, as shown by their
   * automata; false when that is not so or not known (either runs with {@link Pattern}). A value
   * {@code inner} matches then needs no test against {@code outer}.
   */
  static boolean within(TextPattern inner, TextPattern outer) {
    Dfa a = inner.automaton();
    Dfa b = outer.automaton();
    return a != null && b != null && a.within(b);
  }

  private static final class Lazy extends TextPattern {
    private final String regex;
    private volatile @Nullable TextPattern compiled;

    Lazy(String regex) {
      this.regex = regex;
    }

    private TextPattern get() {
      TextPattern p = compiled;
      if (p == null) {
        p = compile(regex); // a race compiles twice, harmlessly
        compiled = p;
      }
      return p;
    }

    @Override
    String regex() {
      return regex;
    }

    @Override
    boolean matches(CharSequence value) {
      return get().matches(value);
    }

    @Override
    boolean isAutomaton() {
      return get().isAutomaton();
    }

    @Override
    @Nullable Dfa automaton() {
      return get().automaton();
    }
  }

  @Override
  public final String toString() {
    return regex();
  }

  /** An expression this class does not compile. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final class Fallback extends TextPattern {
    private final String regex;
    private final Pattern pattern;

    Fallback(String regex, Pattern pattern) {
      this.regex = regex;
      this.pattern = pattern;
    }

    @Override
    String regex() {
      return regex;
    }

    @Override
    boolean matches(CharSequence value) {
      return pattern.matcher(value).matches();
    }
  }

  // ---- the expression tree ----------------------------------------------------------------

  private sealed interface Node {}

  /** A set of code points as sorted, disjoint, non-adjacent ranges {@code [lo, hi]}. */
  private static final class CharSet implements Node {
    private final int[] ranges;

    CharSet(int[] ranges) {
      this.ranges = ranges;
    }

    int[] ranges() {
      return ranges;
    }
  }

  private record Concat(List<Node> parts) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  /** {@code max} is -1 for no upper bound. */
  private record Repeat(Node body, int min, int max) implements Node {}

  private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

  private static CharSet set(int... pairs) {
    return normalise(pairs);
  }

  private static CharSet normalise(int[] pairs) {
    int n = pairs.length / 2;
    int[][] rs = new int[n][];
    for (int i = 0; i < n; i++) {
      rs[i] = new int[] {pairs[2 * i], pairs[2 * i + 1]};
    }
    Arrays.sort(rs, (a, b) -> Integer.compare(a[0], b[0]));
    int[] out = new int[pairs.length];
    int k = 0;
    for (int[] r : rs) {
      if (k > 0 && r[0] <= out[k - 1] + 1) {
        out[k - 1] = Math.max(out[k - 1], r[1]);
      } else {
        out[k++] = r[0];
        out[k++] = r[1];
      }
    }
    return new CharSet(Arrays.copyOf(out, k));
  }

  private static CharSet union(CharSet a, CharSet b) {
    int[] all = Arrays.copyOf(a.ranges(), a.ranges().length + b.ranges().length);
    System.arraycopy(b.ranges(), 0, all, a.ranges().length, b.ranges().length);
    return normalise(all);
  }

  private static CharSet complement(CharSet a) {
    int[] r = a.ranges();
    int[] out = new int[r.length + 2];
    int k = 0;
    int next = 0;
    for (int i = 0; i < r.length; i += 2) {
      if (r[i] > next) {
        out[k++] = next;
        out[k++] = r[i] - 1;
      }
      next = r[i + 1] + 1;
    }
    if (next <= MAX_CODE_POINT) {
      out[k++] = next;
      out[k++] = MAX_CODE_POINT;
    }
    return new CharSet(Arrays.copyOf(out, k));
  }

  /** {@code \s} as {@link Pattern} has it without flags: {@code [ \t\n\x0B\f\r]}. */
  private static final CharSet SPACE = set(' ', ' ', '\t', '\r');

  private static final CharSet DIGIT = set('0', '9');
  private static final CharSet WORD = set('a', 'z', 'A', 'Z', '0', '9', '_', '_');

  /** {@code .} without flags: anything but a line terminator. */
  private static final CharSet DOT =
      complement(set('\n', '\n', '\r', '\r', '\u0085', '\u0085', '\u2028', '\u2029'));

  // ---- the parser ---------------------------------------------------------------------------

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Node parse() {
      int end = s.length();
      if (s.startsWith("^")) {
        i = 1;
      }
      if (s.endsWith("$") && !escapedAt(s.length() - 1)) {
        end--;
      }
      Node n = alternation(end);
      if (i != end) {
        throw new Unsupported();
      }
      return n;
    }

    /** Whether the character at {@code at} is escaped by an odd number of backslashes. */
    private boolean escapedAt(int at) {
      int n = 0;
      for (int k = at - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
        n++;
      }
      return n % 2 == 1;
    }

    private Node alternation(int end) {
      List<Node> options = new ArrayList<>();
      options.add(concatenation(end));
      while (i < end && s.charAt(i) == '|') {
        i++;
        options.add(concatenation(end));
      }
      return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node concatenation(int end) {
      List<Node> parts = new ArrayList<>();
      while (i < end && s.charAt(i) != '|' && s.charAt(i) != ')') {
        parts.add(quantified(end));
      }
      return parts.size() == 1 ? parts.get(0) : new Concat(parts);
    }

    private Node quantified(int end) {
      Node atom = atom(end);
      while (i < end) {
        char c = s.charAt(i);
        int min;
        int max;
        if (c == '*') {
          min = 0;
          max = -1;
          i++;
        } else if (c == '+') {
          min = 1;
          max = -1;
          i++;
        } else if (c == '?') {
          min = 0;
          max = 1;
          i++;
        } else if (c == '{') {
          int close = s.indexOf('}', i);
          if (close < 0 || close >= end) {
            throw new Unsupported();
          }
          String body = s.substring(i + 1, close);
          int comma = body.indexOf(',');
          try {
            if (comma < 0) {
              min = Integer.parseInt(body);
              max = min;
            } else {
              min = Integer.parseInt(body.substring(0, comma));
              String upper = body.substring(comma + 1);
              max = upper.isEmpty() ? -1 : Integer.parseInt(upper);
            }
          } catch (NumberFormatException e) {
            throw new Unsupported();
          }
          if (min < 0 || (max >= 0 && max < min) || min > 256 || max > 256) {
            throw new Unsupported();
          }
          i = close + 1;
        } else {
          break;
        }
        if (i < end && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
          throw new Unsupported(); // lazy or possessive
        }
        atom = new Repeat(atom, min, max);
      }
      return atom;
    }

    private Node atom(int end) {
      char c = s.charAt(i);
      switch (c) {
        case '(' -> {
          i++;
          if (i < end && s.charAt(i) == '?') {
            if (i + 1 < end && s.charAt(i + 1) == ':') {
              i += 2;
            } else {
              throw new Unsupported(); // look-around, named groups, flags
            }
          }
          Node inner = alternation(end);
          if (i >= end || s.charAt(i) != ')') {
            throw new Unsupported();
          }
          i++;
          return inner;
        }
        case '[' -> {
          return charClass(end);
        }
        case '.' -> {
          i++;
          return DOT;
        }
        case '\\' -> {
          return escape(end);
        }
        case '^', '$', ')', '*', '+', '?', '{', '|' -> throw new Unsupported();
        default -> {
          int cp = s.codePointAt(i);
          i += Character.charCount(cp);
          return set(cp, cp);
        }
      }
    }

    /** An escape at {@code i}: a class ({@code \s}) or one literal code point. */
    private CharSet escape(int end) {
      if (i + 1 >= end) {
        throw new Unsupported();
      }
      char e = s.charAt(i + 1);
      i += 2;
      return switch (e) {
        case 's' -> SPACE;
        case 'S' -> complement(SPACE);
        case 'd' -> DIGIT;
        case 'D' -> complement(DIGIT);
        case 'w' -> WORD;
        case 'W' -> complement(WORD);
        case 't' -> set('\t', '\t');
        case 'n' -> set('\n', '\n');
        case 'r' -> set('\r', '\r');
        case 'f' -> set('\f', '\f');
        default -> {
          if (e < 128 && !Character.isLetterOrDigit(e)) {
            yield set(e, e);
          }
          throw new Unsupported(); // property classes, boundaries, quoting, hex escapes,
          // back-references
        }
      };
    }

    private CharSet charClass(int end) {
      i++; // '['
      boolean negated = false;
      if (i < end && s.charAt(i) == '^') {
        negated = true;
        i++;
      }
      if (i < end && s.charAt(i) == ']') {
        throw new Unsupported();
      }
      CharSet acc = new CharSet(new int[0]);
      while (true) {
        if (i >= end) {
          throw new Unsupported();
        }
        char c = s.charAt(i);
        if (c == ']') {
          i++;
          break;
        }
        if (c == '[' || (c == '&' && i + 1 < end && s.charAt(i + 1) == '&')) {
          throw new Unsupported(); // nested classes, intersections
        }
        int lo;
        if (c == '\\') {
          CharSet esc = escape(end);
          if (!isSingle(esc)) {
            acc = union(acc, esc);
            continue;
          }
          lo = esc.ranges()[0];
        } else {
          lo = s.codePointAt(i);
          i += Character.charCount(lo);
        }
        if (i + 1 < end && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          i++;
          int hi;
          if (s.charAt(i) == '\\') {
            CharSet esc = escape(end);
            if (!isSingle(esc)) {
              throw new Unsupported();
            }
            hi = esc.ranges()[0];
          } else if (s.charAt(i) == '[') {
            throw new Unsupported();
          } else {
            hi = s.codePointAt(i);
            i += Character.charCount(hi);
          }
          if (hi < lo) {
            throw new Unsupported();
          }
          acc = union(acc, set(lo, hi));
        } else {
          acc = union(acc, set(lo, lo));
        }
      }
      return negated ? complement(acc) : acc;
    }

    private static boolean isSingle(CharSet c) {
      return c.ranges().length == 2 && c.ranges()[0] == c.ranges()[1];
    }
  }

  // ---- the automaton ------------------------------------------------------------------------

  private static final class Dfa extends TextPattern {
    private final String regex;

    /** The first code point of each input class, ascending; class k is [starts[k], starts[k+1]). */
    private final int[] starts;

    /**
     * How many of the first code points {@link #direct} covers: ASCII, Latin and Greek/Cyrillic.
     */
    private static final int DIRECT = 0x800;

    /** The class of each code point below {@link #DIRECT}, so that most text needs no search. */
    private final byte[] direct;

    private final int classes;

    /** {@code next[state * classes + class]}, -1 for no match. */
    private final int[] next;

    private final boolean[] accepting;

    /**
     * The accepting states that every input class leads back to: once in one, the rest of the text
     * cannot change the answer ({@code [\s\S]+} after its first character).
     */
    private final boolean[] absorbing;

    /**
     * For ASCII text, one lookup per character: {@code ascii[state << 7 | c]} is the next state,
     * {@link #REJECT} for no match, or {@link #ABSORBED} for an absorbing state (matched).
     */
    private final int[] ascii;

    private static final int REJECT = -1;
    private static final int ABSORBED = -2;

    private Dfa(String regex, int[] starts, int[] next, boolean[] accepting) {
      this.regex = regex;
      this.starts = starts;
      this.classes = starts.length;
      this.next = next;
      this.accepting = accepting;
      this.absorbing = new boolean[accepting.length];
      for (int q = 0; q < accepting.length; q++) {
        boolean loops = accepting[q];
        for (int c = 0; loops && c < classes; c++) {
          loops = next[q * classes + c] == q;
        }
        absorbing[q] = loops;
      }
      this.direct = new byte[DIRECT];
      if (classes > 127) {
        throw new Unsupported();
      }
      for (int c = 0; c < DIRECT; c++) {
        direct[c] = (byte) classOf(c);
      }
      this.ascii = new int[accepting.length << 7];
      for (int q = 0; q < accepting.length; q++) {
        for (int c = 0; c < 128; c++) {
          int to = next[q * classes + direct[c]];
          ascii[q << 7 | c] = to < 0 ? REJECT : absorbing[to] ? ABSORBED : to;
        }
      }
    }

    @Override
    String regex() {
      return regex;
    }

    /**
     * Whether every text this automaton accepts {@code outer} accepts too: no state pair reachable
     * in both at once (over the input classes of both) accepts here and not there.
     */
    boolean within(Dfa outer) {
      TreeSet<Integer> bounds = new TreeSet<>();
      for (int c : starts) {
        bounds.add(c);
      }
      for (int c : outer.starts) {
        bounds.add(c);
      }
      int[] mine = new int[bounds.size()];
      int[] theirs = new int[bounds.size()];
      int k = 0;
      for (int c : bounds) {
        mine[k] = classOf(c);
        theirs[k] = outer.classOf(c);
        k++;
      }
      int width = outer.accepting.length + 1; // the outer's dead state is its last
      BitSet seen = new BitSet();
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      seen.set(0);
      todo.add(0);
      while (!todo.isEmpty()) {
        int pair = todo.poll();
        int q = pair / width;
        int o = pair % width;
        boolean outerDead = o == width - 1;
        if (accepting[q] && (outerDead || !outer.accepting[o])) {
          return false;
        }
        for (int c = 0; c < mine.length; c++) {
          int q2 = next[q * classes + mine[c]];
          if (q2 < 0) {
            continue;
          }
          int o2 = outerDead ? -1 : outer.next[o * outer.classes + theirs[c]];
          int to = q2 * width + (o2 < 0 ? width - 1 : o2);
          if (!seen.get(to)) {
            seen.set(to);
            todo.add(to);
          }
        }
      }
      return true;
    }

    private int classOf(int cp) {
      int k = Arrays.binarySearch(starts, cp);
      return k >= 0 ? k : -k - 2;
    }

    @Override
    boolean matches(CharSequence value) {
      // a String's own loop: charAt through the interface is a call per character wherever some
      // caller passes another CharSequence
      return value instanceof String s ? matchesString(s) : rest(value, 0, 0);
    }

    private boolean matchesString(String value) {
      int state = 0;
      int n = value.length();
      for (int i = 0; i < n; ) {
        char c = value.charAt(i);
        if (c < 128) {
          int to = ascii[state << 7 | c];
          if (to < 0) {
            return to == ABSORBED;
          }
          state = to;
          i++;
          continue;
        }
        return rest(value, i, state);
      }
      return accepting[state];
    }

    /** Matches from {@code i} in {@code state}, any character. */
    private boolean rest(CharSequence value, int from, int start) {
      int state = start;
      int n = value.length();
      for (int i = from; i < n; ) {
        char c = value.charAt(i);
        if (c < 128) {
          int to = ascii[state << 7 | c];
          if (to < 0) {
            return to == ABSORBED;
          }
          state = to;
          i++;
          continue;
        }
        int cls;
        if (c < DIRECT) {
          cls = direct[c];
          i++;
        } else {
          int cp = Character.codePointAt(value, i);
          i += Character.charCount(cp);
          cls = classOf(cp);
        }
        state = next[state * classes + cls];
        if (state < 0) {
          return false;
        }
        if (absorbing[state]) {
          return true;
        }
      }
      return accepting[state];
    }

    /** Thompson's construction, then the subset construction over the input classes. */
    static Dfa build(String regex, Node tree) {
      Nfa nfa = new Nfa();
      int accept = nfa.state();
      int start = nfa.fragment(tree, accept);

      TreeSet<Integer> bounds = new TreeSet<>();
      bounds.add(0);
      for (CharSet cs : nfa.sets) {
        int[] r = cs.ranges();
        for (int k = 0; k < r.length; k += 2) {
          bounds.add(r[k]);
          if (r[k + 1] < MAX_CODE_POINT) {
            bounds.add(r[k + 1] + 1);
          }
        }
      }
      int[] starts = bounds.stream().mapToInt(Integer::intValue).toArray();
      int classes = starts.length;
      // for each NFA set transition, the classes it takes
      List<BitSet> takes = new ArrayList<>();
      for (CharSet cs : nfa.sets) {
        BitSet b = new BitSet(classes);
        int[] r = cs.ranges();
        for (int k = 0; k < r.length; k += 2) {
          int from = Arrays.binarySearch(starts, r[k]);
          for (int c = from; c < classes && starts[c] <= r[k + 1]; c++) {
            b.set(c);
          }
        }
        takes.add(b);
      }

      Map<BitSet, Integer> ids = new HashMap<>();
      List<BitSet> states = new ArrayList<>();
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      BitSet first = nfa.closure(single(start));
      ids.put(first, 0);
      states.add(first);
      todo.add(0);
      List<int[]> rows = new ArrayList<>();
      while (!todo.isEmpty()) {
        int id = todo.poll();
        BitSet from = states.get(id);
        int[] row = new int[classes];
        for (int c = 0; c < classes; c++) {
          BitSet to = new BitSet();
          for (int q = from.nextSetBit(0); q >= 0; q = from.nextSetBit(q + 1)) {
            int t = nfa.setIndex.get(q);
            if (t >= 0 && takes.get(t).get(c)) {
              to.set(nfa.setTarget.get(q));
            }
          }
          if (to.isEmpty()) {
            row[c] = -1;
            continue;
          }
          BitSet closed = nfa.closure(to);
          Integer known = ids.get(closed);
          if (known == null) {
            known = states.size();
            if (known >= MAX_STATES) {
              throw new Unsupported();
            }
            ids.put(closed, known);
            states.add(closed);
            todo.add(known);
          }
          row[c] = known;
        }
        while (rows.size() <= id) {
          rows.add(new int[0]);
        }
        rows.set(id, row);
      }
      int[] next = new int[states.size() * classes];
      boolean[] accepting = new boolean[states.size()];
      for (int q = 0; q < states.size(); q++) {
        System.arraycopy(rows.get(q), 0, next, q * classes, classes);
        accepting[q] = states.get(q).get(accept);
      }
      return new Dfa(regex, starts, next, accepting);
    }

    private static BitSet single(int q) {
      BitSet b = new BitSet();
      b.set(q);
      return b;
    }
  }

  /** A nondeterministic automaton: each state has epsilon moves and at most one set move. */
  private static final class Nfa {
    private static final int MAX_NFA_STATES = 20_000;

    final List<int[]> epsilon = new ArrayList<>();
    final List<Integer> setIndex = new ArrayList<>();
    final List<Integer> setTarget = new ArrayList<>();
    final List<CharSet> sets = new ArrayList<>();

    int state() {
      if (epsilon.size() >= MAX_NFA_STATES) {
        throw new Unsupported();
      }
      epsilon.add(new int[0]);
      setIndex.add(-1);
      setTarget.add(-1);
      return epsilon.size() - 1;
    }

    void epsilon(int from, int to) {
      int[] old = epsilon.get(from);
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = to;
      epsilon.set(from, grown);
    }

    /** Builds {@code n} so that it ends in {@code out}; returns its entry state. */
    int fragment(Node n, int out) {
      if (n instanceof CharSet cs) {
        int q = state();
        sets.add(cs);
        setIndex.set(q, sets.size() - 1);
        setTarget.set(q, out);
        return q;
      }
      if (n instanceof Concat c) {
        int next = out;
        for (int k = c.parts().size() - 1; k >= 0; k--) {
          next = fragment(c.parts().get(k), next);
        }
        return next;
      }
      if (n instanceof Alt a) {
        int q = state();
        for (Node o : a.options()) {
          epsilon(q, fragment(o, out));
        }
        return q;
      }
      Repeat r = (Repeat) n;
      int next = out;
      if (r.max() < 0) {
        // body* : a loop state that may enter the body or leave
        int loop = state();
        epsilon(loop, out);
        epsilon(loop, fragment(r.body(), loop));
        next = loop;
      } else {
        for (int k = r.max() - r.min(); k > 0; k--) {
          int opt = state();
          epsilon(opt, out);
          epsilon(opt, fragment(r.body(), next));
          next = opt;
        }
      }
      for (int k = 0; k < r.min(); k++) {
        next = fragment(r.body(), next);
      }
      return next;
    }

    BitSet closure(BitSet from) {
      BitSet seen = (BitSet) from.clone();
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      for (int q = from.nextSetBit(0); q >= 0; q = from.nextSetBit(q + 1)) {
        todo.add(q);
      }
      while (!todo.isEmpty()) {
        int q = todo.poll();
        for (int t : epsilon.get(q)) {
          if (!seen.get(t)) {
            seen.set(t);
            todo.add(t);
          }
        }
      }
      return seen;
    }
  }
}
