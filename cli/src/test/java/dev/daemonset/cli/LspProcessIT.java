package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code daemonset lsp} as a separate process, spoken to in raw JSON-RPC over its stdin and stdout
 * as an editor does: a malformed message and an unknown method in the middle answer with errors and
 * the next request works; stdout carries nothing but framed protocol messages; shutdown and exit
 * end the process with 0.
 */
class LspProcessIT {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Reads framed messages from the server's stdout; anything else there fails the test. */
  static final class Frames implements Runnable {
    final InputStream in;
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    volatile String garbage;

    Frames(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      try {
        while (true) {
          String header = headerLine();
          if (header == null) {
            return;
          }
          if (!header.startsWith("Content-Length: ")) {
            garbage = header;
            return;
          }
          int length = Integer.parseInt(header.substring(16).strip());
          for (String more = headerLine(); more == null || !more.isEmpty(); more = headerLine()) {
            if (more == null || !more.startsWith("Content-Type:")) {
              garbage = more == null ? "the output ended inside a header" : more;
              return;
            }
          }
          byte[] body = in.readNBytes(length);
          messages.add(JSON.readTree(body));
        }
      } catch (IOException e) {
        garbage = "read failed: " + e;
      }
    }

    private String headerLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          String s = line.toString(StandardCharsets.US_ASCII);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    JsonNode next(Predicate<JsonNode> which) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<JsonNode> skipped = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        JsonNode m = messages.poll(200, TimeUnit.MILLISECONDS);
        if (m != null) {
          if (which.test(m)) {
            return m;
          }
          skipped.add(m);
        }
      }
      throw new AssertionError(
          "no such message; got " + skipped + (garbage == null ? "" : "; stdout had " + garbage));
    }
  }

  static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  static String request(int id, String method, Object params) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("method", method);
    m.set("params", JSON.valueToTree(params));
    return JSON.writeValueAsString(m);
  }

  static String notification(String method, Object params) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("jsonrpc", "2.0");
    m.put("method", method);
    m.set("params", JSON.valueToTree(params));
    return JSON.writeValueAsString(m);
  }

  static Predicate<JsonNode> response(int id) {
    return m -> m.path("id").asInt(-1) == id && !m.has("method");
  }

  @Test
  void speaksJsonRpcOnStdioAndSurvivesAMalformedMessage() throws Exception {
    Path root = CliProcessIT.ROOT.toAbsolutePath().normalize();
    Path broken = root.resolve("src/examples/broken-daemonset.yaml");
    String uri = broken.toUri().toString();
    Path err = Files.createTempFile("daemonset-lsp-err", ".txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                CliProcessIT.JAR.toAbsolutePath().toString(),
                "lsp",
                "--stdio")
            .redirectError(err.toFile())
            .start();
    Frames frames = new Frames(p.getInputStream());
    Thread reader = new Thread(frames, "lsp-stdout");
    reader.setDaemon(true);
    reader.start();
    OutputStream in = p.getOutputStream();
    try {
      send(
          in,
          request(
              1,
              "initialize",
              JSON.readTree(
                  "{\"processId\":null,\"rootUri\":\""
                      + root.toUri()
                      + "\",\"capabilities\":{},"
                      + "\"initializationOptions\":{\"diagnostics\":\"push\",\"debounceMillis\":0}}")));
      JsonNode init = frames.next(response(1));
      assertThat(init.path("result").path("capabilities").path("positionEncoding").asText())
          .isEqualTo("utf-16");
      assertThat(init.path("result").path("serverInfo").path("name").asText())
          .isEqualTo("daemonset");
      send(in, notification("initialized", JSON.createObjectNode()));
      send(
          in,
          notification(
              "textDocument/didOpen",
              JSON.readTree(
                  "{\"textDocument\":{\"uri\":\""
                      + uri
                      + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":"
                      + JSON.writeValueAsString(Files.readString(broken))
                      + "}}")));
      JsonNode published =
          frames.next(m -> m.path("method").asText().equals("textDocument/publishDiagnostics"));
      JsonNode diagnostics = published.path("params").path("diagnostics");
      assertThat(diagnostics).hasSize(9);
      JsonNode unknown = diagnostics.get(8);
      assertThat(unknown.path("code").asText()).isEqualTo("unknown-field");
      assertThat(unknown.path("range").toString())
          .isEqualTo(
              "{\"start\":{\"line\":25,\"character\":6},\"end\":{\"line\":25,\"character\":16}}");

      // bodies that are not JSON-RPC, framed correctly: not JSON, JSON of the wrong shape, and a
      // request cut short after its id (which the server can still answer)
      send(in, "not json at all");
      send(in, "[1, 2");
      String truncated =
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{";
      send(in, truncated);
      assertThat(frames.next(response(2)).path("error").path("code").asInt()).isEqualTo(-32700);
      // a method the server does not know
      send(in, request(3, "daemonset/nonsense", JSON.createObjectNode()));
      JsonNode unknownMethod = frames.next(response(3));
      assertThat(unknownMethod.path("error").path("code").asInt()).isEqualTo(-32601);
      // a request with parameters of the wrong shape
      send(in, request(4, "textDocument/hover", JSON.readTree("{\"textDocument\":7}")));
      JsonNode badParams = frames.next(response(4));
      assertThat(badParams.has("error")).isTrue();

      // and the server still answers
      send(
          in,
          request(
              5,
              "textDocument/hover",
              JSON.readTree(
                  "{\"textDocument\":{\"uri\":\""
                      + uri
                      + "\"},\"position\":{\"line\":25,\"character\":8}}")));
      JsonNode hover = frames.next(response(5));
      assertThat(hover.path("result").path("contents").path("value").asText())
          .contains("`spec.template.spec.contianers`", "Not a field of DaemonSet");

      send(in, request(6, "shutdown", null));
      assertThat(frames.next(response(6)).has("error")).isFalse();
      send(in, notification("exit", null));
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      reader.join(10_000);
      assertThat(frames.garbage).as("stdout holds only protocol messages").isNull();
      assertThat(Files.readString(err)).doesNotContain("Exception in thread");
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(err);
    }
  }
}
