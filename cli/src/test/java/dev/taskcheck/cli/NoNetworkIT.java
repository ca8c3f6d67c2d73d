package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliReportSupport.withoutVolatileFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network check: {@code taskcheck validate} attempts no connection and gives the same results
 * without a network. The samples (JSON, XML, Bundle, NDJSON, R4 and R5) and the three DOCTYPE bad
 * inputs, among them {@code xxe-remote.xml} whose entity points at {@code
 * http://example.invalid/evil.dtd}, are validated by a JVM whose every outbound connection (SOCKS
 * for plain sockets, HTTP and HTTPS proxies, no host exempted) goes to a local trap ({@link
 * CliNetworkTrapSupport}); the trap must see no connection, and the JSON report must equal, apart
 * from times and clocks, the report of the same inputs validated without the trap. A control launch
 * first shows the trap catches a JVM that does try to connect.
 */
class NoNetworkIT {

  /** A tiny program that tries an HTTP request and a plain socket: the trap must see it. */
  private static final String PROBE =
      """
      import java.net.*;
      public class NetworkProbe {
        public static void main(String[] args) throws Exception {
          try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://example.invalid/evil.dtd").openConnection();
            c.setConnectTimeout(5000); c.setReadTimeout(5000); c.getResponseCode();
          } catch (Exception e) { System.out.println("http: " + e); }
          try (Socket s = new Socket()) {
            s.connect(InetSocketAddress.createUnresolved("example.invalid", 80), 5000);
          } catch (Exception e) { System.out.println("socket: " + e); }
        }
      }
      """;

  @TempDir Path tmp;

  @Test
  void theTrapCatchesAJvmThatConnects() throws IOException {
    Path probe = tmp.resolve("NetworkProbe.java");
    Files.writeString(probe, PROBE, StandardCharsets.UTF_8);
    try (CliNetworkTrapSupport trap = new CliNetworkTrapSupport()) {
      List<String> command = new ArrayList<>();
      command.add(CliProcessSupport.javaExecutable());
      command.addAll(trap.jvmOptions());
      command.add(probe.toString());
      Process p =
          new ProcessBuilder(command)
              .directory(tmp.toFile())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("probe.log").toFile())
              .start();
      try {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe finished").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } finally {
        p.destroyForcibly();
      }
      assertThat(trap.connections())
          .as(
              "connections the control probe made to the trap:%n%s",
              Files.readString(tmp.resolve("probe.log")))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void validateAttemptsNoConnectionAndGivesTheSameReport() throws IOException {
    CliSamplesSupport.TrappedRun trapped = CliSamplesSupport.trapped();
    CliRun run = trapped.run();
    assertThat(trapped.connections())
        .as("connections attempted by taskcheck validate%s", run.describe())
        .isZero();
    CliReportSupport.assertNoStackTrace(run);

    CliSamplesSupport.ReportsRun free = CliSamplesSupport.reports();
    JsonNode withNetwork =
        CliProcessSupport.parseJson(
            Files.readString(free.file("taskcheck.json"), StandardCharsets.UTF_8),
            "taskcheck.json");
    JsonNode withoutNetwork = run.json();
    assertThat(run.exitCode()).isEqualTo(free.run().exitCode());
    assertThat(withoutVolatileFields(withoutNetwork))
        .as("the report behind the trap equals the one without it")
        .isEqualTo(withoutVolatileFields(withNetwork));
    assertThat(withoutNetwork.path("results").size()).isGreaterThan(10);
  }
}
