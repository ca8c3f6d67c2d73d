package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MutatorTest {

  private static final List<Seed> SEEDS = Seeds.discover(Testdata.folder());

  static List<String> operators() {
    return MutationCorpus.operators();
  }

  /**
   * Every operator acts on at least one seed of every release, with a mutation of the kind it
   * promises.
   */
  @ParameterizedTest
  @MethodSource("operators")
  void everyOperatorMutatesASeedOfEachRelease(String operator) {
    Mutator mutator = new Mutator();
    for (Release release : Release.values()) {
      List<Mutation> made = new ArrayList<>();
      for (Seed seed : SEEDS) {
        if (seed.release() != release || made.size() >= 3) {
          continue;
        }
        Optional<Mutation> m = mutator.mutate(seed, operator, 7);
        if (m.isPresent()) {
          made.add(m.get());
          assertValid(seed, m.get());
        }
      }
      assertThat(made).as(operator + " on " + release).isNotEmpty();
    }
  }

  static void assertValid(Seed seed, Mutation m) {
    assertThat(m.text()).as(m.description()).isNotEqualTo(seed.text());
    if (m.syntax()) {
      assertThat(JsonText.isStrict(m.text())).as(m.description()).isFalse();
    } else {
      assertThat(JsonText.isStrict(m.text())).as(m.description()).isTrue();
      assertThat(Seeds.holdsTask(JsonText.parse(m.text()))).as(m.description()).isTrue();
    }
    assertThat(m.description()).doesNotContain("\t", "\n");
    assertThat(m.pointer()).as(m.description()).matches("(/[^/]+)*");
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void theSameSeedNumberGivesTheSameMutation(Release release) {
    Seed seed = SEEDS.stream().filter(s -> s.release() == release).findFirst().orElseThrow();
    for (long n = 0; n < 20; n++) {
      Mutation a = new Mutator().mutate(seed, n).orElseThrow();
      Mutation b = new Mutator().mutate(seed, n).orElseThrow();
      assertThat(a).isEqualTo(b);
      assertValid(seed, a);
    }
  }

  @Test
  void differentSeedNumbersGiveDifferentMutations() {
    Seed seed =
        SEEDS.stream()
            .filter(s -> s.file().equals("corpus/spec-r4/Task-example1.json"))
            .findFirst()
            .orElseThrow();
    List<String> texts = new ArrayList<>();
    for (long n = 0; n < 40; n++) {
      texts.add(new Mutator().mutate(seed, n).orElseThrow().text());
    }
    assertThat(texts.stream().distinct().count()).isGreaterThan(30);
  }

  @Test
  void anOperatorThatCannotActGivesNothing() {
    Seed task =
        SEEDS.stream()
            .filter(s -> s.file().equals("corpus/spec-r4/Task-example1.json"))
            .findFirst()
            .orElseThrow();
    assertThat(new Mutator().mutate(task, "bundle", 1)).isEmpty();
  }
}
