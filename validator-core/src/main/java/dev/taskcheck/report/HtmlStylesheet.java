package dev.taskcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * The HTML report's XSLT 3.0 stylesheet ({@value #RESOURCE}), run by Saxon-HE through its own s9api
 * (never whatever JAXP would pick). It is compiled once per JVM, on first use; a compiled
 * stylesheet is immutable and thread-safe, and each transformation gets its own transformer.
 */
final class HtmlStylesheet {

  /** The stylesheet's resource name. */
  static final String RESOURCE = "/dev/taskcheck/report/taskcheck-report.xsl";

  private HtmlStylesheet() {}

  /**
   * Holds the compiled stylesheet: the JVM initialises it, once, when {@link #executable()} first
   * runs.
   */
  private static final class Compiled {
    static final XsltExecutable EXECUTABLE = compile();
  }

  static XsltExecutable executable() {
    return Compiled.EXECUTABLE;
  }

  private static XsltExecutable compile() {
    URL url = HtmlStylesheet.class.getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the class path");
    }
    Processor processor = new Processor(false);
    XsltCompiler compiler = processor.newXsltCompiler();
    List<String> errors = new ArrayList<>();
    compiler.setErrorReporter(
        e -> {
          if (!e.isWarning()) {
            errors.add(describe(e));
          }
        });
    try (InputStream in = url.openStream()) {
      return compiler.compile(new StreamSource(in, url.toExternalForm()));
    } catch (SaxonApiException e) {
      throw new IllegalStateException(
          "cannot compile " + RESOURCE + ": " + String.join("; ", errors), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renders the XML form read from {@code xml} as HTML to {@code out}, which it flushes but does
   * not close.
   *
   * @throws IOException when reading or writing fails
   * @throws IllegalStateException when the transformation fails otherwise (a bug in the stylesheet,
   *     or input that is not the XML form)
   */
  static void transform(InputStream xml, OutputStream out) throws IOException {
    Xslt30Transformer transformer = executable().load30();
    List<String> errors = new ArrayList<>();
    transformer.setErrorReporter(
        e -> {
          if (!e.isWarning()) {
            errors.add(describe(e));
          }
        });
    try {
      transformer.transform(new StreamSource(xml), transformer.newSerializer(out));
    } catch (SaxonApiException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IOException io) {
          throw io;
        }
        if (t instanceof UncheckedIOException u) {
          throw u.getCause();
        }
      }
      throw new IllegalStateException(
          "cannot render the HTML report: "
              + e.getMessage()
              + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")"),
          e);
    }
    out.flush();
  }

  private static String describe(XmlProcessingError e) {
    var location = e.getLocation();
    return (location == null ? "" : "line " + location.getLineNumber() + ": ") + e.getMessage();
  }
}
