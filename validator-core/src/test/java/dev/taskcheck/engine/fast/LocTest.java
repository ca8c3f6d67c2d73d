package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.rules.ReplacedIn;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A path's {@link Loc#coveredBy} is {@link ReplacedIn#covers} of the path written out. */
class LocTest {

  private static final List<String> ROOTS =
      List.of("Task", "Bundle.entry[1].resource", "Bundle", "Tas", "Task.contained[0]");

  /** A step: a name (some near "contained"), an index or none, a choice type or none. */
  private record Step(String name, int index, String ofType) {}

  @Provide
  Arbitrary<Loc> locs() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(
                    "contained", "containedX", "contain", "contai", "c", "input", "period", "text"),
                Arbitraries.integers().between(-1, 2),
                Arbitraries.of("", "", "Period", "Ratio"))
            .as(Step::new);
    return Combinators.combine(Arbitraries.of(ROOTS), step.list().ofMaxSize(4))
        .as(
            (root, steps) -> {
              Loc at = Loc.root(root);
              for (Step s : steps) {
                at =
                    s.ofType().isEmpty()
                        ? at.child(s.name(), s.index())
                        : at.choice(s.name(), s.index(), s.ofType());
              }
              return at;
            });
  }

  @Property(tries = 3000)
  void coveredByIsCoversOfTheWrittenPath(
      @ForAll("locs") Loc at, @ForAll ReplacedIn in, @ForAll("taskPaths") String taskPath) {
    assertThat(at.coveredBy(in, taskPath))
        .as("%s in %s of %s", at, in, taskPath)
        .isEqualTo(in.covers(at.toString(), taskPath));
  }

  @Provide
  Arbitrary<String> taskPaths() {
    return Arbitraries.of(ROOTS);
  }

  @Example
  void theCasesThatDecide() {
    Loc task = Loc.root("Task");
    assertThat(task.coveredBy(ReplacedIn.TASK, "Task")).isTrue();
    assertThat(task.coveredBy(ReplacedIn.TASK_ELEMENTS, "Task")).isTrue();
    Loc period = task.child("restriction").child("period");
    assertThat(period.coveredBy(ReplacedIn.TASK, "Task")).isFalse();
    assertThat(period.coveredBy(ReplacedIn.TASK_ELEMENTS, "Task")).isTrue();
    Loc contained = task.child("contained", 0).child("executionPeriod");
    assertThat(contained.coveredBy(ReplacedIn.TASK_ELEMENTS, "Task")).isFalse();
    Loc entry = Loc.root("Bundle.entry[1].resource").child("executionPeriod");
    assertThat(entry.coveredBy(ReplacedIn.TASK_ELEMENTS, "Bundle.entry[1].resource")).isTrue();
    assertThat(entry.coveredBy(ReplacedIn.TASK_ELEMENTS, "Task")).isFalse();
  }
}
