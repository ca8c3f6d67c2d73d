package dev.taskcheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HeadLastWriter} of a JSON document whose results are one array: the array is written as
 * results arrive, nested as deep as it stands in the document so that the pretty printer indents it
 * the same (the indentation depends only on the depth), and copied in as the value of its field at
 * {@link #finish}. The document ends with a line break.
 */
abstract class JsonHeadLastWriter extends HeadLastWriter {

  private final JsonFactory factory = Json.factory();
  private final JsonGenerator results;

  /**
   * @param depth how many objects and arrays enclose the results array in the document
   */
  JsonHeadLastWriter(OutputStream sink, @Nullable Path spillDirectory, int memoryLimit, int depth) {
    super(sink, spillDirectory, memoryLimit);
    try {
      results = owned(Json.generator(factory, spill()));
      for (int i = 0; i < depth; i++) {
        results.writeStartObject();
        results.writeFieldName("_");
      }
      results.writeStartArray();
      results.flush();
      long start = spill().size() - 1;
      if (spill().byteAt(start) != '[') {
        throw new IllegalStateException("unexpected JSON prefix");
      }
      resultsStartAt(start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generator the results array is written with. */
  final JsonGenerator results() {
    return results;
  }

  @Override
  final void endResults() throws IOException {
    results.writeEndArray();
    results.close();
  }

  @Override
  final void writeDocument(Summary summary, Timings timings) throws IOException {
    JsonGenerator g = Json.generator(factory, sink());
    writeJson(g, summary, timings);
    g.writeRaw('\n');
    g.close();
  }

  /**
   * Writes the document with {@code g}, calling {@link #writeResults} where the results array goes.
   */
  abstract void writeJson(JsonGenerator g, Summary summary, Timings timings) throws IOException;

  /** Writes the field {@code name} with the buffered results array as its value. */
  final void writeResults(JsonGenerator g, String name) throws IOException {
    g.writeFieldName(name);
    // Tell the generator a value follows (it writes the separator), then put the array in directly.
    g.writeRawValue("");
    g.flush();
    copyResults();
  }
}
