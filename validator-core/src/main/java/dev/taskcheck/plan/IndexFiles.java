package dev.taskcheck.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code filename} entries of a FHIR package's {@code .index.json}. */
public final class IndexFiles {

  private static final JsonFactory JSON = new JsonFactory();

  private IndexFiles() {}

  public static List<String> filenames(String indexJson) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(indexJson)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME && "filename".equals(p.currentName())) {
          p.nextToken();
          out.add(p.getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a FHIR package index (.index.json) is not valid JSON", e);
    }
    return out;
  }
}
