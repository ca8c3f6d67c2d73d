package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The HTML report as a person sees it: the real jar writes {@code taskcheck.html} over {@code
 * testdata/samples} and a Task history Bundle, and headless Chromium renders the page to a PNG,
 * which must show the report (many colours, the severity badges' colours), not a blank or error
 * page, and the lifecycle charts' SVG drawn in their colours.
 *
 * <p>Runs only where {@code /usr/bin/chromium} exists: the {@code chromium} profile of {@code
 * cli/pom.xml} adds this class to the integration tests and passes the browser's path in {@code
 * taskcheck.chromium}. Chromium gets a fresh profile, reads a {@code file:} URL and has its
 * background networking switched off; the page itself loads nothing (no scripts, fonts or images).
 */
class HtmlRenderIT {

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);

  /**
   * The badge colours of the stylesheet: error, warning, information (the samples have no fatal
   * finding).
   */
  private static final int ERROR_RED = 0xdc2626;

  private static final int WARNING_AMBER = 0xd97706;
  private static final int INFORMATION_BLUE = 0x2563eb;

  @Test
  void chromiumRendersTheReportOfTheSamplesAndAHistory() throws Exception {
    Path work = CliProcessSupport.workDirectory("html-render");
    Path html =
        htmlReport(
            work,
            "the samples have errors",
            "--stuck-after",
            "30d",
            "testdata/samples",
            historyBundle().toString());
    assertThat(html).isRegularFile();
    assertThat(sectionIds(html)).contains("summary", "rules", "files", "metrics");

    Path png = work.resolve("taskcheck.png");
    chromiumScreenshot(html, png, work);

    assertThat(png).isRegularFile();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    assertThat(distinctColours(image))
        .as("distinct colours (a blank page has one)")
        .isGreaterThan(200);
    // each badge is about 125 x 70 pixels of its colour; the error colour also fills the verdict
    assertThat(pixels(image, ERROR_RED)).as("error red pixels").isGreaterThan(3000);
    assertThat(pixels(image, WARNING_AMBER)).as("warning amber pixels").isGreaterThan(3000);
    assertThat(pixels(image, INFORMATION_BLUE)).as("information blue pixels").isGreaterThan(3000);
  }

  /** The lifecycle charts' colours: a narrative-only edge, a diagram edge, a bar. */
  private static final int NARRATIVE_ORANGE = 0xc2410c;

  private static final int DIAGRAM_GREEN = 0x15803d;
  private static final int BAR_SLATE = 0x4f6d8f;

  /**
   * The lifecycle charts as Chromium draws them: the transition-1 fixture histories (diagram,
   * narrative-only and refused changes) and a history Bundle; the page is short enough for one
   * screenshot to hold the charts, which must show the edge colours and the bars.
   */
  @Test
  void chromiumDrawsTheLifecycleCharts() throws Exception {
    Path work = CliProcessSupport.workDirectory("html-render-charts");
    Path html =
        htmlReport(
            work,
            "refused changes are errors",
            "testdata/fixtures/rules/transition-1/r4",
            historyBundle().toString());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("<svg").contains("class=\"edge narrative\"");

    Path png = work.resolve("charts.png");
    chromiumScreenshot(html, png, work, CHARTS_HEIGHT);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png).isNotNull();
    assertThat(image.getHeight()).isEqualTo(CHARTS_HEIGHT);
    // a dashed narrative-only edge with its arrowhead; the diagram edges; the bars of the status
    // distribution and the histograms
    assertThat(pixels(image, NARRATIVE_ORANGE)).as("narrative orange pixels").isGreaterThan(40);
    assertThat(pixels(image, DIAGRAM_GREEN)).as("diagram green pixels").isGreaterThan(300);
    assertThat(pixels(image, BAR_SLATE)).as("bar slate pixels").isGreaterThan(5000);
  }

  private static final int CHARTS_HEIGHT = 3600;

  /** The Task history Bundle of the CLI tests' resources. */
  private static Path historyBundle() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(HtmlRenderIT.class.getResource("/it/history/history-bundle.json"))
            .toURI());
  }

  /**
   * Runs the real jar's {@code validate --format html} with the clock of the tests over {@code
   * args} (options, then inputs), which must have errors ({@code why}), and returns the page.
   */
  private static Path htmlReport(Path work, String why, String... args) {
    Path reports = work.resolve("reports");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "validate",
                "--now",
                "2025-06-01T00:00:00Z",
                "--format",
                "html",
                "--output",
                reports.toString()));
    command.addAll(List.of(args));
    CliRun run = taskcheck(command).run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as("%s: %s", why, run.stderr()).isEqualTo(1);
    Path html = reports.resolve("taskcheck.html");
    assertThat(html).isRegularFile();
    return html;
  }

  /** The ids of the page's sections; parsing it also shows it is well-formed XHTML. */
  private static Set<String> sectionIds(Path html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder()
            .parse(
                new InputSource(new StringReader(Files.readString(html, StandardCharsets.UTF_8))));
    assertThat(doc.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
    assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
    Set<String> ids = new HashSet<>();
    NodeList sections = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "section");
    for (int i = 0; i < sections.getLength(); i++) {
      ids.add(((Element) sections.item(i)).getAttribute("id"));
    }
    return ids;
  }

  private static void chromiumScreenshot(Path html, Path png, Path work)
      throws IOException, InterruptedException {
    chromiumScreenshot(html, png, work, HEIGHT);
  }

  private static void chromiumScreenshot(Path html, Path png, Path work, int height)
      throws IOException, InterruptedException {
    String chromium = System.getProperty("taskcheck.chromium", "/usr/bin/chromium");
    Path profile = Files.createTempDirectory(work, "chromium-profile-");
    Path log = work.resolve("chromium.log");
    List<String> command =
        List.of(
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile,
            "--window-size=" + WIDTH + "," + height,
            "--screenshot=" + png,
            html.toUri().toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    try {
      boolean exited = p.waitFor(BROWSER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(exited)
          .as("chromium finished within %s s (see %s)", BROWSER_TIMEOUT.toSeconds(), log)
          .isTrue();
      assertThat(p.exitValue())
          .as("chromium's exit code; its output:\n%s", Files.readString(log))
          .isZero();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      CliProcessSupport.deleteRecursively(profile);
    }
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }

  /** Pixels within 3 of {@code rgb} in each channel. */
  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int c = image.getRGB(x, y);
        if (near(c >> 16, rgb >> 16) && near(c >> 8, rgb >> 8) && near(c, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean near(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 3;
  }
}
