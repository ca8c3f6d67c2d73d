package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Deterministic choices: a counter hashed with a 64-bit finaliser, so a stream of choices depends
 * on its seed only (same sequence on every JVM, no {@code java.util.Random}, no clock).
 */
final class Rng {

  private final long seed;
  private long counter;

  Rng(long seed) {
    this.seed = seed;
  }

  /**
   * A generator for the {@code n}th item of the stream {@code seed}: independent of every other n.
   */
  static Rng of(long seed, long n) {
    return new Rng(mix(mix(seed) ^ (n * 0xD1B54A32D192ED03L)));
  }

  /**
   * A well-mixed 64-bit function of {@code x} (MurmurHash3's 64-bit finaliser after a Weyl step).
   */
  static long mix(long x) {
    long z = (x + 0x9E3779B97F4A7C15L) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  long nextLong() {
    return mix(seed + 0x632BE59BD9B4E019L * ++counter);
  }

  /** Uniform in {@code [0, bound)}. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound " + bound);
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** One item of a non-empty list. */
  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** One of the given strings. */
  String pick(String... items) {
    return items[nextInt(items.length)];
  }
}
