package dev.daemonset.cli.lsp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.jspecify.annotations.Nullable;

/**
 * The DaemonSet language server (LSP 3.17): diagnostics (pushed after a debounce, and pulled),
 * quick fixes, hover, completion, document symbols and the cluster placement code lens for YAML and
 * JSON documents that hold a DaemonSet.
 *
 * <p>Threads: LSP4J's reader thread applies document changes in order; one worker thread runs every
 * analysis and every request, so the engine's results are never computed twice for one version; a
 * timer thread fires the debounced analyses. A request that fails answers with an error and the
 * next one works; a newer version of a document cancels the pending analysis of the older one, and
 * a stale analysis is never published.
 */
public final class DaemonSetLanguageServer
    implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {

  /** The project configuration file, found upward from each document. */
  static final String CONFIG_FILE = dev.daemonset.core.config.LintConfig.FILE_NAME;

  private final Configuration configuration;
  private final IntConsumer exit;
  private final String version;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("worker"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("debounce"));
  private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
  private final AtomicLong analyses = new AtomicLong();
  private volatile @Nullable LanguageClient client;
  private volatile Settings settings = Settings.DEFAULTS;
  private volatile TextLines.Encoding encoding = TextLines.Encoding.UTF16;
  private volatile boolean push = true;
  private volatile boolean refreshDiagnostics;
  private volatile boolean refreshCodeLenses;
  private volatile boolean watchFiles;
  private volatile DocsLinks links = DocsLinks.of("");
  private volatile List<Path> roots = List.of();
  private volatile boolean shutdown;

  /** The configuration's file problems as last published (worker only). */
  private Map<Path, List<dev.daemonset.api.Diagnostic>> publishedFileProblems = Map.of();

  /**
   * A server that lints with what {@code configuration} says and calls {@code exit} with the exit
   * code (0 after {@code shutdown}, else 1) when the client sends {@code exit}.
   */
  DaemonSetLanguageServer(Configuration configuration, IntConsumer exit, String version) {
    this.configuration = requireNonNull(configuration, "configuration");
    this.exit = requireNonNull(exit, "exit");
    this.version = requireNonNull(version, "version");
  }

  /**
   * The server of {@code daemonset lsp}: the engine's defaults, the {@code .daemonset.yaml} found
   * upward from each document, and the client's settings.
   *
   * @param exit called with the exit code when the client sends {@code exit}
   * @param version the server version {@code initialize} reports
   */
  public static DaemonSetLanguageServer withSettings(IntConsumer exit, String version) {
    return new DaemonSetLanguageServer(
        new ProjectConfiguration(dev.daemonset.core.DaemonSetEngine.defaults()), exit, version);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, "daemonset-lsp-" + name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  /** True once {@code shutdown} was received. */
  public boolean isShutDown() {
    return shutdown;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    Settings s = Settings.DEFAULTS.with(asJson(params.getInitializationOptions()));
    var caps = params.getCapabilities();
    boolean clientPulls = false;
    if (caps != null) {
      // UTF-16 unless the client prefers code points (lists utf-32 first): LSP 3.17 lets the
      // server pick from the client's list, and every client implements utf-16
      var general = caps.getGeneral();
      List<String> offered = general == null ? null : general.getPositionEncodings();
      if (offered != null && !offered.isEmpty() && offered.get(0).equals("utf-32")) {
        encoding = TextLines.Encoding.UTF32;
      }
      var text = caps.getTextDocument();
      clientPulls = text != null && text.getDiagnostic() != null;
      var ws = caps.getWorkspace();
      if (ws != null) {
        refreshDiagnostics =
            ws.getDiagnostics() != null
                && Boolean.TRUE.equals(ws.getDiagnostics().getRefreshSupport());
        refreshCodeLenses =
            ws.getCodeLens() != null && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport());
        watchFiles =
            ws.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
      }
    }
    push =
        s.diagnostics() == Settings.Mode.PUSH
            || (s.diagnostics() == Settings.Mode.AUTO && !clientPulls);
    List<Path> r = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        path(f.getUri()).ifPresent(r::add);
      }
    }
    @SuppressWarnings("deprecation")
    String rootUri = params.getRootUri();
    if (r.isEmpty() && rootUri != null) {
      path(rootUri).ifPresent(r::add);
    }
    roots = List.copyOf(r);
    apply(s);

    ServerCapabilities c = new ServerCapabilities();
    c.setPositionEncoding(encoding.lsp);
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    c.setTextDocumentSync(sync);
    c.setHoverProvider(true);
    c.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "-")));
    c.setCodeActionProvider(
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
    c.setDocumentSymbolProvider(true);
    c.setCodeLensProvider(new CodeLensOptions(false));
    if (s.diagnostics() != Settings.Mode.PUSH) {
      DiagnosticRegistrationOptions d = new DiagnosticRegistrationOptions(false, false);
      d.setIdentifier(LspDiagnostics.SOURCE);
      c.setDiagnosticProvider(d);
    }
    return CompletableFuture.completedFuture(
        new InitializeResult(c, new ServerInfo("daemonset", version)));
  }

  private static Optional<Path> path(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static com.google.gson.@Nullable JsonElement asJson(@Nullable Object o) {
    return o instanceof com.google.gson.JsonElement e ? e : null;
  }

  private void apply(Settings s) {
    settings = s;
    links = DocsLinks.of(s.docsUrl());
    configuration.configure(s, roots);
  }

  @Override
  public void initialized(InitializedParams params) {
    // settings arrive with didChangeConfiguration, which every client sends; the configuration
    // files are watched where the client can, so an edit of one outside the editor re-lints
    LanguageClient c = client;
    if (c != null && watchFiles) {
      Registration watch =
          new Registration(
              "daemonset-configuration-files",
              "workspace/didChangeWatchedFiles",
              new DidChangeWatchedFilesRegistrationOptions(
                  List.of(new FileSystemWatcher(Either.forLeft("**/" + CONFIG_FILE)))));
      // a client that refuses only leaves the configuration to be read again on the next edit
      var unused = c.registerCapability(new RegistrationParams(List.of(watch)));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    for (OpenDocument d : documents.values()) {
      d.pending(null);
    }
    timer.shutdownNow();
    worker.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    worker.shutdownNow();
    timer.shutdownNow();
    exit.accept(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return this;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return this;
  }

  // ---------------------------------------------------------------- documents

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    OpenDocument doc = new OpenDocument(item.getUri(), item.getVersion(), item.getText());
    OpenDocument before = documents.put(item.getUri(), doc);
    if (before != null) {
      before.pending(null);
    }
    schedule(doc, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    OpenDocument doc = documents.get(params.getTextDocument().getUri());
    if (doc == null) {
      return;
    }
    Integer v = params.getTextDocument().getVersion();
    doc.change(v == null ? doc.current().version() + 1 : v, params.getContentChanges(), encoding);
    schedule(doc, settings.debounceMillis());
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    OpenDocument doc = documents.remove(uri);
    if (doc != null) {
      doc.pending(null);
    }
    LanguageClient c = client;
    if (c != null && push && !shutdown) {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text is already known from didChange; a saved configuration file applies to every
    // open document now, not at their next edit
    if (isConfigurationFile(params.getTextDocument().getUri())) {
      reanalyseAll();
    }
  }

  private static boolean isConfigurationFile(String uri) {
    return path(uri)
        .map(Path::getFileName)
        .map(n -> n.toString().equals(CONFIG_FILE))
        .orElse(false);
  }

  /**
   * Analyses the document's current version after {@code delayMillis} on the worker and pushes its
   * diagnostics, unless a newer version arrives first: that one's analysis replaces this one.
   */
  private void schedule(OpenDocument doc, long delayMillis) {
    if (shutdown) {
      return;
    }
    int version = doc.current().version();
    Runnable task = () -> analyseAndPublish(doc, version);
    try {
      doc.pending(
          delayMillis == 0
              ? worker.submit(task)
              : timer.schedule(
                  () -> {
                    if (!shutdown) {
                      worker.execute(task);
                    }
                  },
                  delayMillis,
                  TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  private void analyseAndPublish(OpenDocument doc, int version) {
    if (documents.get(doc.uri) != doc || doc.current().version() != version) {
      return;
    }
    try {
      Analysis a = analysis(doc);
      if (!push) {
        return;
      }
      LanguageClient c = client;
      if (c == null || documents.get(doc.uri) != doc || doc.current().lines() != a.lines) {
        return; // closed, or a newer version arrived while this one was analysed
      }
      c.publishDiagnostics(new PublishDiagnosticsParams(doc.uri, diagnostics(doc, a), a.version));
    } catch (RuntimeException | StackOverflowError e) {
      log(MessageType.Error, "analysis of " + doc.uri + " failed: " + e);
    }
  }

  /** The analysis of the document's current text, computed now if it is not yet. Worker only. */
  private Analysis analysis(OpenDocument doc) {
    Analysis a = doc.currentAnalysis();
    if (a != null) {
      return a;
    }
    OpenDocument.Version v = doc.current();
    var engine = configuration.engine(doc.location);
    var cluster = configuration.cluster(doc.location);
    for (String problem : configuration.problems(doc.location)) {
      log(MessageType.Warning, problem);
    }
    Analysis previous = doc.analysis();
    a =
        Analysis.of(
            v.version(),
            v.lines(),
            engine,
            cluster,
            Instant.now(),
            previous == null ? java.util.Map.of() : previous.chunks);
    analyses.incrementAndGet();
    doc.analysed(a);
    publishFileProblems();
    return a;
  }

  /**
   * The diagnostics of a document: its analysis's, and the configuration's problems located in it
   * (the document is a cluster snapshot file, say) after them.
   */
  private List<Diagnostic> diagnostics(OpenDocument doc, Analysis a) {
    List<Diagnostic> out = new ArrayList<>(LspDiagnostics.of(a, doc.uri, encoding, links));
    Optional<Path> p = path(doc.uri);
    List<dev.daemonset.api.Diagnostic> problems =
        p.isEmpty() ? List.of() : publishedFileProblems.getOrDefault(p.get(), List.of());
    if (!problems.isEmpty()) {
      out.addAll(LspDiagnostics.ofFile(problems, a.lines, doc.uri, encoding, links));
    }
    return out;
  }

  /**
   * Publishes the problems of the files the configuration reads on those files, and clears the
   * files whose problems are gone; a file that is open gets them with its own diagnostics. Worker
   * only.
   */
  private void publishFileProblems() {
    Map<Path, List<dev.daemonset.api.Diagnostic>> now = configuration.fileProblems();
    Map<Path, List<dev.daemonset.api.Diagnostic>> before = publishedFileProblems;
    if (now.equals(before)) {
      return;
    }
    publishedFileProblems = Map.copyOf(now);
    LanguageClient c = client;
    if (c == null || shutdown) {
      return;
    }
    Set<Path> files = new LinkedHashSet<>(before.keySet());
    files.addAll(now.keySet());
    for (Path file : files) {
      List<dev.daemonset.api.Diagnostic> found = now.getOrDefault(file, List.of());
      if (found.equals(before.getOrDefault(file, List.of()))) {
        continue;
      }
      Optional<OpenDocument> open =
          documents.values().stream().filter(d -> path(d.uri).equals(Optional.of(file))).findAny();
      if (open.isPresent()) {
        Analysis a = open.get().currentAnalysis();
        if (a != null && push) {
          c.publishDiagnostics(
              new PublishDiagnosticsParams(open.get().uri, diagnostics(open.get(), a), a.version));
        }
        continue; // else its coming analysis publishes them
      }
      String uri = file.toUri().toString();
      c.publishDiagnostics(
          new PublishDiagnosticsParams(
              uri, LspDiagnostics.ofFile(found, textOf(file), uri, encoding, links)));
    }
  }

  private static TextLines textOf(Path file) {
    try {
      return TextLines.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return TextLines.of(""); // gone or unreadable: every problem goes to the start
    }
  }

  private void log(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    } else {
      System.err.println("daemonset lsp: " + message);
    }
  }

  /**
   * Runs a request on the worker: cancelled requests answer {@code RequestCancelled}; a request
   * that fails answers {@code InternalError} with what went wrong, and the server goes on.
   */
  private <T> CompletableFuture<T> request(String name, Function<CancelChecker, T> body) {
    if (shutdown) {
      CompletableFuture<T> f = new CompletableFuture<>();
      f.completeExceptionally(
          new ResponseErrorException(
              new ResponseError(
                  ResponseErrorCode.InvalidRequest, "the server is shut down", null)));
      return f;
    }
    return CompletableFutures.computeAsync(
        worker,
        cancel -> {
          try {
            cancel.checkCanceled();
            return body.apply(cancel);
          } catch (CancellationException | ResponseErrorException e) {
            throw e;
          } catch (RuntimeException | StackOverflowError e) {
            log(MessageType.Error, name + " failed: " + e);
            throw new ResponseErrorException(
                new ResponseError(ResponseErrorCode.InternalError, name + " failed: " + e, null));
          }
        });
  }

  /** The open document, or an {@code InvalidParams} error naming the URI. */
  private OpenDocument open(String uri) {
    OpenDocument doc = documents.get(uri);
    if (doc == null) {
      throw new ResponseErrorException(
          new ResponseError(ResponseErrorCode.InvalidParams, "document not open: " + uri, null));
    }
    return doc;
  }

  /** The context every feature works from: the current analysis and the last good one. */
  private Features features(OpenDocument doc) {
    Analysis a = analysis(doc);
    Analysis good = doc.lastGood();
    return new Features(doc.uri, a, good == null ? a : good, encoding);
  }

  // ---------------------------------------------------------------- requests

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return request(
        "textDocument/diagnostic",
        cancel -> {
          OpenDocument doc = open(params.getTextDocument().getUri());
          Analysis a = analysis(doc);
          String id = Integer.toString(System.identityHashCode(a)) + "-" + a.version;
          if (id.equals(params.getPreviousResultId())) {
            return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(id));
          }
          RelatedFullDocumentDiagnosticReport r =
              new RelatedFullDocumentDiagnosticReport(diagnostics(doc, a));
          r.setResultId(id);
          return new DocumentDiagnosticReport(r);
        });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return request(
        "textDocument/hover",
        cancel ->
            Hovers.hover(features(open(params.getTextDocument().getUri())), params.getPosition())
                .orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return request(
        "textDocument/completion",
        cancel -> {
          OpenDocument doc = open(params.getTextDocument().getUri());
          OpenDocument.Version v = doc.current();
          Analysis good = doc.lastGood();
          return Either.forRight(
              Completions.complete(v.lines(), params.getPosition(), encoding, good));
        });
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return request(
        "textDocument/codeAction",
        cancel -> {
          Features f = features(open(params.getTextDocument().getUri()));
          List<Either<Command, CodeAction>> out = new ArrayList<>();
          for (CodeAction a :
              CodeActions.actions(f, params.getRange(), params.getContext(), links)) {
            out.add(Either.forRight(a));
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return request(
        "textDocument/documentSymbol",
        cancel -> {
          Features f = features(open(params.getTextDocument().getUri()));
          List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
          for (DocumentSymbol s : Symbols.symbols(f)) {
            out.add(Either.forRight(s));
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return request(
        "textDocument/codeLens",
        cancel -> {
          Features f = features(open(params.getTextDocument().getUri()));
          List<CodeLens> out = new ArrayList<>();
          for (Placement p : f.current().placements) {
            out.add(
                new CodeLens(
                    f.current().lines.range(p.at(), encoding), new Command(p.lens(), ""), null));
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- workspace

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    apply(settings.with(asJson(params.getSettings())));
    reanalyseAll();
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    reanalyseAll();
  }

  /** Settings or files changed: every open document is analysed again and the client told. */
  private void reanalyseAll() {
    if (shutdown) {
      return;
    }
    try {
      worker.execute(
          () -> {
            for (OpenDocument d : documents.values()) {
              d.invalidate();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return;
    }
    for (OpenDocument d : documents.values()) {
      schedule(d, 0);
    }
    // the client's answers to the refreshes carry nothing, and a client that fails one only keeps
    // showing the older results until it asks again: nothing to wait for
    LanguageClient c = client;
    if (c != null && refreshDiagnostics && !push) {
      var unused = c.refreshDiagnostics();
    }
    if (c != null && refreshCodeLenses) {
      var unused = c.refreshCodeLenses();
    }
  }

  /** Analyses run so far (for tests and the benchmark: a cached answer runs none). */
  long analysesRun() {
    return analyses.get();
  }

  /** What the request handlers work from. */
  record Features(String uri, Analysis current, Analysis good, TextLines.Encoding encoding) {}
}
