package dev.taskcheck.engine.fast;

import java.util.ArrayList;
import java.util.List;

/**
 * Bidirectional control characters in text values, judged as the reference engine judges them: a
 * value with such characters is well formed when every override (LRO, RLO), isolate (LRI, RLI, FSI)
 * and mark (LRM, RLM, ALM) it opens is closed again (PDF closes one override or mark, PDI an
 * isolate and what was opened inside it, a newline resets). The embeddings LRE and RLE are not
 * tracked, as there.
 */
final class Bidi {

  private static final char LRE = '\u202a';
  private static final char RLE = '\u202b';
  private static final char PDF = '\u202c';
  private static final char LRO = '\u202d';
  private static final char RLO = '\u202e';
  private static final char LRI = '\u2066';
  private static final char RLI = '\u2067';
  private static final char FSI = '\u2068';
  private static final char PDI = '\u2069';
  private static final char LRM = '\u200e';
  private static final char RLM = '\u200f';
  private static final char ALM = '\u061c';

  /** No character below this one is a bidirectional control, but the newline. */
  static final char LOWEST = ALM;

  private Bidi() {}

  static boolean isBidi(char c) {
    return c == LRE || c == RLE || c == PDF || c == LRO || c == RLO || c == LRI || c == RLI
        || c == FSI || c == PDI || c == LRM || c == RLM || c == ALM || c == '\n';
  }

  static boolean wellFormed(String s) {
    List<Character> open = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> open.clear();
        case LRO, RLO, LRI, RLI, FSI, LRM, RLM, ALM -> open.add(c);
        case PDF -> {
          if (!open.isEmpty() && isOverrideOrMark(open.get(open.size() - 1))) {
            open.remove(open.size() - 1);
          }
        }
        case PDI -> {
          if (open.stream().anyMatch(Bidi::isIsolate)) {
            while (!open.isEmpty()) {
              char last = open.get(open.size() - 1);
              if (!isIsolate(last) && !isOverrideOrMark(last)) {
                break;
              }
              open.remove(open.size() - 1);
              if (isIsolate(last)) {
                break;
              }
            }
          }
        }
        default -> {}
      }
    }
    return open.isEmpty();
  }

  private static boolean isIsolate(char c) {
    return c == LRI || c == RLI || c == FSI;
  }

  private static boolean isOverrideOrMark(char c) {
    return c == LRE || c == RLE || c == LRO || c == RLO || c == LRM || c == RLM || c == ALM;
  }
}
