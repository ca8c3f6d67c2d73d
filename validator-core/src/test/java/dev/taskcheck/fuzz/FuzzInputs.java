package dev.taskcheck.fuzz;

import dev.taskcheck.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The documents the fuzz properties feed TaskCheck: real Tasks in JSON and XML from testdata,
 * changed at the character and token level (truncation, deletion, stray tokens, duplicated slices,
 * deep nesting, replacement).
 */
final class FuzzInputs {

  private FuzzInputs() {}

  /** The real Tasks every mutation starts from. */
  static final List<String> SEEDS = seeds();

  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          "\"",
          ",",
          ":",
          "null",
          "true",
          "\"x\"",
          "1e999999",
          "-0",
          "12345678901234567890123456789",
          "\\u0000",
          "\\ud800",
          "\u0000",
          "\uFEFF",
          "\u202E",
          "\"resourceType\":\"Task\",",
          "\"resourceType\":\"Patient\",",
          "\"_status\":{},",
          "\"status\":",
          "\"contained\":[",
          "\"extension\":[{\"url\":\"x\"}],",
          "<",
          ">",
          "&",
          "&amp;",
          "&x;",
          "<!DOCTYPE x>",
          "<![CDATA[x]]>",
          "<?pi x?>",
          "<status value=\"\"/>",
          "<extension url=\"u\">",
          "xmlns=\"http://hl7.org/fhir\"",
          "é",
          "𝄞");

  private static List<String> seeds() {
    List<String> out = new ArrayList<>();
    try {
      for (Path p : TestData.files("samples")) {
        if (p.toString().endsWith(".json")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      for (Path p : TestData.files("corpus/spec-r4")) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      for (Path p : TestData.files("corpus/fhir-test-cases/spec-r6-invariant-tests")) {
        if (p.toString().endsWith(".xml")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      for (Path p : TestData.files("corpus/ig/mii-dsf-process-data-sharing")) {
        if (p.toString().endsWith(".xml")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** One change to a document: its kind, where (a fraction of the length), and what. */
  record Mutation(int kind, double at, double to, String token, int repeat) {

    String apply(String text) {
      if (text.isEmpty()) {
        return token;
      }
      int i = (int) (at * text.length());
      int j = Math.min(text.length(), i + 1 + (int) (to * Math.min(200, text.length() - i)));
      return switch (kind) {
        case 0 -> text.substring(0, i); // truncation
        case 1 -> text.substring(0, i) + text.substring(j); // deletion
        case 2 -> text.substring(0, i) + token.repeat(repeat) + text.substring(i); // stray tokens
        case 3 -> text.substring(0, i) + text.substring(i, j) + text.substring(i); // duplication
        case 4 -> // deep nesting around a value
            text.substring(0, i)
                + (text.startsWith("<") ? "<extension url=\"u\">" : "{\"a\":[").repeat(repeat * 40)
                + text.substring(i);
        default -> text.substring(0, i) + token + text.substring(j); // replacement
      };
    }
  }

  /** Real Tasks changed by one to four mutations. */
  static Arbitrary<String> mutatedTasks() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(TOKENS),
                Arbitraries.integers().between(1, 8))
            .as(Mutation::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, SEEDS.size() - 1),
            mutation.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (seed, mutations) -> {
              String text = SEEDS.get(seed);
              for (Mutation m : mutations) {
                text = m.apply(text);
              }
              return text;
            });
  }
}
