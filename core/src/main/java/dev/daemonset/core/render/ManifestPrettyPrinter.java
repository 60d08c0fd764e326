package dev.daemonset.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The JSON layout of {@link ManifestWriter}, as {@code kubectl get -o json} prints: two spaces per
 * level, one member or element per line, {@code "key": value}, and {@code {}} and {@code []} for
 * empty containers. One instance per generator: it counts the nesting.
 */
final class ManifestPrettyPrinter implements PrettyPrinter {
  private int depth;

  private void newline(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < depth; i++) {
      g.writeRaw("  ");
    }
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  private void open(JsonGenerator g, char bracket) throws IOException {
    g.writeRaw(bracket);
    depth++;
  }

  private void close(JsonGenerator g, int entries, char bracket) throws IOException {
    depth--;
    if (entries > 0) {
      newline(g);
    }
    g.writeRaw(bracket);
  }

  private void separate(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    open(g, '{');
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    newline(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    separate(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    close(g, entries, '}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    open(g, '[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    newline(g);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    separate(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    close(g, values, ']');
  }
}
