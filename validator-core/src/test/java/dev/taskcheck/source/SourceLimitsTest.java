package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default size limits follow the heap, so a huge document is refused before it exhausts it. */
class SourceLimitsTest {

  private static final long MIB = 1024L * 1024;

  @Test
  void aOneGigabyteHeapRefusesA100MegabyteDocumentBySize() {
    SourceLimits limits = SourceLimits.forHeap(1024 * MIB);
    assertThat(limits.maxDocumentBytes()).isEqualTo(64 * MIB).isLessThan(100_000_000L);
    assertThat(limits.maxLineBytes()).isEqualTo((int) (64 * MIB));
  }

  @Test
  void theLimitsStayBetweenTheirFloorAndCeiling() {
    assertThat(SourceLimits.forHeap(64 * MIB).maxDocumentBytes()).isEqualTo(16 * MIB);
    assertThat(SourceLimits.forHeap(64 * MIB).maxLineBytes()).isEqualTo((int) (16 * MIB));
    assertThat(SourceLimits.forHeap(64 * 1024 * MIB).maxDocumentBytes()).isEqualTo(256 * MIB);
    assertThat(SourceLimits.forHeap(Long.MAX_VALUE).maxLineBytes()).isEqualTo((int) (64 * MIB));
  }
}
