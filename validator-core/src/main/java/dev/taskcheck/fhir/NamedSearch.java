package dev.taskcheck.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link FhirElement#findNamed} over any tree of elements, given how to read its children, names
 * and values: the interface's elements, or a parse tree's nodes, which an adapter searches without
 * making an element of each.
 */
public record NamedSearch<T>(
    Function<T, ? extends List<? extends T>> children,
    Function<T, String> name,
    Function<T, @Nullable String> value,
    Set<String> names,
    Set<String> notHere,
    Consumer<int[]> found) {

  /**
   * Gives {@link #found} the way to each element below {@code root} whose name is one of {@link
   * #names}, as {@link FhirElement#findNamed} says.
   */
  public void run(T root) {
    long lengths = 0;
    for (String n : names) {
      lengths |= 1L << n.length();
    }
    below(root, new int[8], 0, lengths);
  }

  /**
   * @param lengths the lengths of {@link #names} modulo 64, as bits: most names are passed by their
   *     length, without a look into the set
   */
  private int[] below(T e, int[] path, int depth, long lengths) {
    List<? extends T> all = children.apply(e);
    int[] way = path;
    for (int i = 0; i < all.size(); i++) {
      T c = all.get(i);
      String n = name.apply(c);
      if (value.apply(c) != null || n.startsWith("_") || (depth == 0 && notHere.contains(n))) {
        continue;
      }
      if (depth == way.length) {
        way = Arrays.copyOf(way, depth * 2);
      }
      way[depth] = i;
      if ((lengths & (1L << n.length())) != 0 && names.contains(n)) {
        found.accept(Arrays.copyOf(way, depth + 1));
      } else {
        way = below(c, way, depth + 1, lengths);
      }
    }
    return way;
  }
}
