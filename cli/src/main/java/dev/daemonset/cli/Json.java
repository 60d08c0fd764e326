package dev.daemonset.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * The JSON output of the {@code plan} and {@code explain} commands: pretty-printed, one document,
 * with a {@code "version"} (docs/schemas/plan.schema.json and explain.schema.json).
 */
final class Json {
  /** The version of the plan and explain JSON contracts. */
  static final int VERSION = 1;

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static void print(Object tree, PrintWriter out) {
    try {
      out.println(MAPPER.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise output", e);
    }
    out.flush();
  }
}
