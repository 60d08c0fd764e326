package dev.daemonset.benchmarks;

import com.google.gson.JsonObject;
import dev.daemonset.cli.lsp.DaemonSetLanguageServer;
import dev.daemonset.core.DaemonSetEngine;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server's latency from a {@code didChange} to the {@code publishDiagnostics} of that
 * version, warm, with the debounce set to 0 (so the figure is the server's work, not its waiting):
 * a client and the server in one JVM, connected by pipes, every message framed and serialized as
 * over stdio. Each edit types or deletes one character in the DaemonSet's {@code metadata.name},
 * an incremental change. Beside it, interleaved in the same run, the floor: the engine's {@code
 * lint(read(text))} of the same texts with no protocol.
 *
 * <p>Then memory per open document: used heap after full GCs with {@code copies} more copies of
 * the document open (diagnostics published; then also after a hover, an outline and a code lens
 * each, which build the field index), minus before, divided by {@code copies}.
 *
 * <pre>{@code
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.daemonset.benchmarks.LspLatency \
 *     src/examples/my-daemonset.yaml src/testdata/real-world/21-calico.yaml [iterations] [copies]
 * }</pre>
 */
public final class LspLatency implements LanguageClient {

  private final Map<Integer, Long> received = new ConcurrentHashMap<>();
  private final Map<Integer, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private LanguageServer server;
  private final List<java.util.concurrent.Future<Void>> listening = new ArrayList<>();

  private LspLatency() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    int iterations = 300;
    int copies = 20;
    List<Integer> numbers = new ArrayList<>();
    for (String a : args) {
      if (a.matches("\\d+")) {
        numbers.add(Integer.parseInt(a));
      } else {
        files.add(Path.of(a));
      }
    }
    if (numbers.size() > 0) {
      iterations = numbers.get(0);
    }
    if (numbers.size() > 1) {
      copies = numbers.get(1);
    }
    PrintStream out = System.out;
    out.println("| file | lines | didChange → publishDiagnostics p50 / p95 / max (ms) | lint floor p50 / p95 (ms) | heap per open document (KiB): diagnostics / + hover, outline, lens |");
    out.println("|---|---:|---:|---:|---:|");
    for (Path f : files) {
      LspLatency client = new LspLatency();
      client.connect();
      String text = Files.readString(f, StandardCharsets.UTF_8);
      long[] lsp = new long[iterations];
      long[] floor = new long[iterations];
      client.measure(text, iterations / 3, new long[iterations / 3], new long[iterations / 3]); // warm-up
      client.measure(text, iterations, lsp, floor);
      long[] memory = client.memory(text, copies);
      Arrays.sort(lsp);
      Arrays.sort(floor);
      out.printf(
          Locale.ROOT,
          "| %s | %,d | %.1f / %.1f / %.1f | %.1f / %.1f | %,d / %,d |%n",
          f.getFileName(),
          text.lines().count(),
          ms(lsp[lsp.length / 2]),
          ms(lsp[(int) (lsp.length * 0.95)]),
          ms(lsp[lsp.length - 1]),
          ms(floor[floor.length / 2]),
          ms(floor[(int) (floor.length * 0.95)]),
          memory[0] / 1024,
          memory[1] / 1024);
      client.server.shutdown().get(30, TimeUnit.SECONDS);
      client.server.exit();
      client.listening.forEach(l -> l.cancel(true));
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private void connect() throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream toClient = new PipedOutputStream(clientIn);
    DaemonSetLanguageServer impl = DaemonSetLanguageServer.withSettings(code -> {}, "bench");
    Launcher<LanguageClient> s = LSPLauncher.createServerLauncher(impl, serverIn, toClient);
    impl.connect(s.getRemoteProxy());
    listening.add(s.startListening());
    Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(this, clientIn, toServer);
    server = c.getRemoteProxy();
    listening.add(c.startListening());
    InitializeParams p = new InitializeParams();
    p.setCapabilities(new ClientCapabilities());
    JsonObject options = new JsonObject();
    options.addProperty("debounceMillis", 0);
    options.addProperty("diagnostics", "push");
    p.setInitializationOptions(options);
    server.initialize(p).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  /** Where the edits go: just after {@code name: } of the first DaemonSet's metadata. */
  private static Position namePosition(String text) {
    int ds = text.indexOf("kind: DaemonSet");
    int name = text.indexOf("  name: ", text.indexOf("metadata:", ds)) + "  name: ".length();
    String before = text.substring(0, name);
    int line = (int) before.chars().filter(c -> c == '\n').count();
    return new Position(line, name - before.lastIndexOf('\n') - 1);
  }

  private void measure(String text, int n, long[] lsp, long[] floor) throws Exception {
    String uri = "file:///bench/" + System.nanoTime() + ".yaml";
    CompletableFuture<Long> first = expect(1);
    server.getTextDocumentService().didOpen(
        new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
    first.get(60, TimeUnit.SECONDS);
    Position at = namePosition(text);
    DaemonSetEngine engine = DaemonSetEngine.defaults();
    String typed = text.substring(0, offset(text, at)) + "x" + text.substring(offset(text, at));
    for (int i = 0; i < n; i++) {
      int version = i + 2;
      boolean type = i % 2 == 0;
      TextDocumentContentChangeEvent change =
          type
              ? new TextDocumentContentChangeEvent(new Range(at, at), "x")
              : new TextDocumentContentChangeEvent(
                  new Range(at, new Position(at.getLine(), at.getCharacter() + 1)), "");
      CompletableFuture<Long> done = expect(version);
      long start = System.nanoTime();
      server.getTextDocumentService().didChange(
          new DidChangeTextDocumentParams(
              new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
      lsp[i] = done.get(60, TimeUnit.SECONDS) - start;
      // the floor, interleaved: the engine alone on the same text
      long s = System.nanoTime();
      engine.lint(engine.read(type ? typed : text));
      floor[i] = System.nanoTime() - s;
    }
  }

  private static int offset(String text, Position p) {
    int i = 0;
    for (int line = 0; line < p.getLine(); line++) {
      i = text.indexOf('\n', i) + 1;
    }
    return i + p.getCharacter();
  }

  private CompletableFuture<Long> expect(int version) {
    CompletableFuture<Long> f = new CompletableFuture<>();
    waiting.put(version, f);
    Long t = received.remove(version);
    if (t != null) {
      f.complete(t);
    }
    return f;
  }

  /** Heap per open document, after diagnostics and after the requests that build more. */
  private long[] memory(String text, int copies) throws Exception {
    long before = usedHeap();
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      String uri = "file:///bench/copy-" + i + "-" + System.nanoTime() + ".yaml";
      uris.add(uri);
      CompletableFuture<Long> done = expect(1);
      server.getTextDocumentService().didOpen(
          new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
      done.get(60, TimeUnit.SECONDS);
    }
    long opened = usedHeap();
    Position at = namePosition(text);
    for (String uri : uris) {
      TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
      server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(id, at)).get(60, TimeUnit.SECONDS);
      server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(id)).get(60, TimeUnit.SECONDS);
      server.getTextDocumentService().codeLens(new CodeLensParams(id)).get(60, TimeUnit.SECONDS);
    }
    long used = usedHeap();
    return new long[] {(opened - before) / copies, (used - before) / copies};
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    long now = System.nanoTime();
    Integer v = diagnostics.getVersion();
    if (v == null) {
      return;
    }
    CompletableFuture<Long> f = waiting.remove(v);
    if (f != null) {
      f.complete(now);
    } else {
      received.put(v, now);
    }
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {
    System.err.println(message.getMessage());
  }

}
