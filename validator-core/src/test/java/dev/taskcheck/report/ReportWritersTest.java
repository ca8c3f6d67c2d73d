package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportWritersTest {

  @ParameterizedTest
  @EnumSource(
      value = OutputFormat.class,
      names = {"JSON", "OPERATIONOUTCOME", "SARIF"})
  void jsonFormatsWriteOneWellFormedDocument(OutputFormat format) throws IOException {
    String text =
        ReportFixtures.render(
            format, ReportFixtures.withMetrics(ReportFixtures.metrics()), RenderOptions.defaults());
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    assertThat(mapper.readTree(text).isObject()).isTrue();
    assertThat(text).endsWith("}\n");
  }
}
