package dev.daemonset.cli.lsp;

import com.google.gson.JsonObject;
import dev.daemonset.core.DaemonSetEngine;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client connected to an in-process server through pipes, so every message goes through
 * JSON-RPC framing and serialization as with a real editor. Records what the server publishes.
 */
final class TestClient implements LanguageClient, AutoCloseable {

  final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  final List<MessageParams> logs = Collections.synchronizedList(new ArrayList<>());
  final DaemonSetLanguageServer impl;
  final LanguageServer server;
  final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final Map<String, AtomicInteger> versions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
  private final PipedOutputStream toServer;
  private final PipedOutputStream toClient;
  private final java.util.concurrent.Future<Void> serverListening;
  private final java.util.concurrent.Future<Void> clientListening;
  InitializeResult initialized;

  private TestClient(Configuration configuration) throws IOException {
    impl = new DaemonSetLanguageServer(configuration, exitCode::complete, "test");
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    toClient = new PipedOutputStream(clientIn);
    Launcher<LanguageClient> s = LSPLauncher.createServerLauncher(impl, serverIn, toClient);
    impl.connect(s.getRemoteProxy());
    serverListening = s.startListening();
    Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(this, clientIn, toServer);
    server = c.getRemoteProxy();
    clientListening = c.startListening();
  }

  /** A client of a server with the engine's defaults, initialized with {@code options}. */
  static TestClient start(JsonObject options) {
    return start(
        new ProjectConfiguration(DaemonSetEngine.defaults()), options, new ClientCapabilities());
  }

  static TestClient start(
      Configuration configuration, JsonObject options, ClientCapabilities caps) {
    try {
      TestClient t = new TestClient(configuration);
      InitializeParams p = new InitializeParams();
      p.setCapabilities(caps);
      p.setInitializationOptions(options);
      p.setWorkspaceFolders(
          List.of(
              new org.eclipse.lsp4j.WorkspaceFolder(TestFiles.root().toUri().toString(), "repo")));
      t.initialized = t.server.initialize(p).get(30, TimeUnit.SECONDS);
      t.server.initialized(new InitializedParams());
      return t;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Options with push diagnostics and no debounce, so tests need not wait. */
  static JsonObject immediate() {
    JsonObject o = new JsonObject();
    o.addProperty("debounceMillis", 0);
    o.addProperty("diagnostics", "push");
    return o;
  }

  void open(String uri, String text) {
    versions.put(uri, new AtomicInteger(1));
    texts.put(uri, text);
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
  }

  /** Replaces the whole text; returns the new version. */
  int replace(String uri, String text) {
    int v = versions.get(uri).incrementAndGet();
    texts.put(uri, text);
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, v),
                List.of(new TextDocumentContentChangeEvent(text))));
    return v;
  }

  /** Sends incremental changes (UTF-16 ranges) and applies them to the client's copy too. */
  int change(String uri, List<TextDocumentContentChangeEvent> changes) {
    int v = versions.get(uri).incrementAndGet();
    String t = texts.get(uri);
    for (TextDocumentContentChangeEvent c : changes) {
      t = apply(t, List.of(new TextEdit(c.getRange(), c.getText())));
    }
    texts.put(uri, t);
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), changes));
    return v;
  }

  String text(String uri) {
    return texts.get(uri);
  }

  /** Applies a workspace edit's changes to {@code uri} on the client and sends the new text. */
  int applyEdit(String uri, WorkspaceEdit edit) {
    return replace(uri, apply(texts.get(uri), edit.getChanges().get(uri)));
  }

  /** Applies text edits (UTF-16 positions, non-overlapping) to {@code text}. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        (a, b) -> {
          Position x = a.getRange().getStart();
          Position y = b.getRange().getStart();
          return x.getLine() != y.getLine()
              ? Integer.compare(y.getLine(), x.getLine())
              : Integer.compare(y.getCharacter(), x.getCharacter());
        });
    String out = text;
    for (TextEdit e : sorted) {
      int s = offset(out, e.getRange().getStart());
      int end = offset(out, e.getRange().getEnd());
      out = out.substring(0, s) + e.getNewText() + out.substring(end);
    }
    return out;
  }

  static int offset(String text, Position p) {
    int line = 0;
    int i = 0;
    while (line < p.getLine() && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return Math.min(text.length(), i + p.getCharacter());
  }

  static Range range(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  /** The diagnostics published for {@code uri} at {@code version}, waiting up to 30 s. */
  PublishDiagnosticsParams diagnostics(String uri, int version) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      while (System.nanoTime() < deadline) {
        PublishDiagnosticsParams p = published.poll(100, TimeUnit.MILLISECONDS);
        if (p != null
            && p.getUri().equals(uri)
            && p.getVersion() != null
            && p.getVersion() == version) {
          return p;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no diagnostics for " + uri + " version " + version);
  }

  /**
   * The next diagnostics published for {@code uri}, a file that is not open (so without a version),
   * waiting up to 30 s; what is published for other URIs meanwhile is skipped.
   */
  PublishDiagnosticsParams fileDiagnostics(String uri) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      while (System.nanoTime() < deadline) {
        PublishDiagnosticsParams p = published.poll(100, TimeUnit.MILLISECONDS);
        if (p != null && p.getUri().equals(uri)) {
          return p;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no diagnostics for " + uri);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    published.add(diagnostics);
  }

  /** What the server registered with {@code client/registerCapability}. */
  final List<org.eclipse.lsp4j.Registration> registrations =
      Collections.synchronizedList(new ArrayList<>());

  @Override
  public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
    registrations.addAll(params.getRegistrations());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void showMessage(MessageParams messageParams) {
    logs.add(messageParams);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(
      ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {
    logs.add(message);
  }

  @Override
  public void close() {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
      server.exit();
      toServer.close();
      toClient.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      // the server may already be gone in a test of exit
    } finally {
      // both ends stop reading: no listener thread outlives the test
      serverListening.cancel(true);
      clientListening.cancel(true);
    }
  }
}
