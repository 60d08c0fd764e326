package dev.daemonset.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.daemonset.core.DaemonSetEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server through the protocol: an LSP4J client over pipes, as an editor would drive it.
 * Positions in the assertions are LSP's: 0-based lines, UTF-16 characters.
 */
class LanguageServerTest {

  static final String BROKEN = TestFiles.read(TestFiles.src("examples/broken-daemonset.yaml"));
  static final String URI = "file:///work/broken.yaml";

  /** A DaemonSet that nothing reports (main's rules included: a memory limit, an OS affinity). */
  static final String VALID =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        namespace: monitoring
      spec:
        selector:
          matchLabels:
            app: agent
        updateStrategy:
          type: RollingUpdate
        template:
          metadata:
            labels:
              app: agent
          spec:
            priorityClassName: system-node-critical
            containers:
            - name: agent
              image: agent:1.2.3
              resources:
                requests: {cpu: 10m, memory: 32Mi}
                limits: {memory: 64Mi}
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]
      """;

  static List<Object> codes(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> (Object) d.getCode().getLeft()).toList();
  }

  static Diagnostic first(PublishDiagnosticsParams p, String code) {
    return p.getDiagnostics().stream()
        .filter(d -> d.getCode().getLeft().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + codes(p)));
  }

  @Test
  void initializeAnnouncesWhatTheServerDoes() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      var caps = c.initialized.getCapabilities();
      assertThat(caps.getPositionEncoding()).isEqualTo("utf-16");
      assertThat(caps.getTextDocumentSync().getRight().getChange())
          .isEqualTo(TextDocumentSyncKind.Incremental);
      assertThat(caps.getHoverProvider().getLeft()).isTrue();
      assertThat(caps.getCodeActionProvider().getRight().getCodeActionKinds())
          .containsExactly(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite);
      assertThat(caps.getDocumentSymbolProvider().getLeft()).isTrue();
      assertThat(caps.getCodeLensProvider()).isNotNull();
      assertThat(caps.getCompletionProvider()).isNotNull();
      assertThat(caps.getDiagnosticProvider()).isNull(); // push was asked for
      assertThat(c.initialized.getServerInfo().getName()).isEqualTo("daemonset");
    }
  }

  @Test
  void openPublishesEveryLintFindingWithExactRanges() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, BROKEN);
      PublishDiagnosticsParams p = c.diagnostics(URI, 1);
      assertThat(p.getDiagnostics())
          .extracting(
              d -> d.getCode().getLeft(),
              d -> d.getRange().getStart().getLine(),
              d -> d.getRange().getStart().getCharacter(),
              d -> d.getRange().getEnd().getLine(),
              d -> d.getRange().getEnd().getCharacter(),
              Diagnostic::getSeverity)
          .containsExactly(
              tuple("invalid-type", 8, 15, 8, 18, DiagnosticSeverity.Error),
              tuple("yaml-ambiguous-scalar", 8, 15, 8, 18, DiagnosticSeverity.Warning),
              tuple("FieldValueInvalid", 15, 16, 15, 17, DiagnosticSeverity.Error),
              tuple("FieldValueInvalid", 19, 8, 19, 20, DiagnosticSeverity.Error),
              tuple("FieldValueRequired", 20, 4, 20, 8, DiagnosticSeverity.Error),
              tuple("priority-class-missing", 20, 4, 20, 8, DiagnosticSeverity.Warning),
              tuple("FieldValueNotSupported", 21, 21, 21, 30, DiagnosticSeverity.Error),
              tuple("duplicate-key", 24, 8, 24, 24, DiagnosticSeverity.Error),
              tuple("unknown-field", 25, 6, 25, 16, DiagnosticSeverity.Error));
      Diagnostic dup = first(p, "duplicate-key");
      assertThat(dup.getRelatedInformation()).hasSize(1);
      assertThat(dup.getRelatedInformation().get(0).getLocation().getUri()).isEqualTo(URI);
      assertThat(dup.getRelatedInformation().get(0).getLocation().getRange())
          .isEqualTo(TestClient.range(23, 8, 23, 24));
      assertThat(dup.getRelatedInformation().get(0).getMessage()).isEqualTo("first defined here");
      assertThat(first(p, "unknown-field").getCodeDescription().getHref())
          .endsWith("docs/rules.md#reading")
          .startsWith("file:");
      assertThat(first(p, "FieldValueRequired").getCodeDescription().getHref())
          .endsWith("docs/rules.md#api-server-validation");
      assertThat(first(p, "priority-class-missing").getCodeDescription().getHref())
          .endsWith("docs/rules.md#priority-class-missing");
      assertThat(p.getDiagnostics()).allMatch(d -> d.getSource().equals("daemonset"));
      assertThat(first(p, "unknown-field").getMessage())
          .isEqualTo(
              "unknown field \"spec.template.spec.contianers\"; did you mean \"containers\"?");
    }
  }

  /**
   * A label with a two-unit character (U+1F600) and an accented one before the error on the line.
   */
  static final String ASTRAL =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        annotations: {note: "😀 é 日本", monitored: yes}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            containers: [{name: agent, image: "agent:1.0"}]
      """;

  @Test
  void rangesCountUtf16UnitsAfterMultiByteAndAstralCharacters() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, ASTRAL);
      Diagnostic d = first(c.diagnostics(URI, 1), "yaml-ambiguous-scalar");
      String line = ASTRAL.lines().toList().get(4);
      int utf16 = line.indexOf("yes");
      assertThat(line.codePointCount(0, utf16)).isEqualTo(utf16 - 1); // one surrogate pair before
      assertThat(d.getRange()).isEqualTo(TestClient.range(4, utf16, 4, utf16 + 3));
    }
  }

  @Test
  void aQuickFixAfterAnAstralCharacterEditsTheRightUnitsAndRelintsClean() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      PublishDiagnosticsParams after =
          fix(c, ASTRAL, "yaml-ambiguous-scalar", "Quote as the string \"yes\"");
      // the manifest's policy warnings stay; the fixed finding is gone and no error came
      assertThat(codes(after)).doesNotContain("yaml-ambiguous-scalar");
      assertThat(errors(after)).isEmpty();
      assertThat(c.text(URI)).contains("{note: \"😀 é 日本\", monitored: \"yes\"}");
      // and a hover after the astral character finds the key the client points at
      String line = c.text(URI).lines().toList().get(4);
      Hover h = hover(c, 4, line.indexOf("monitored") + 2);
      assertThat(h.getContents().getRight().getValue())
          .contains("`metadata.annotations[monitored]`", "`yes`");
    }
  }

  @Test
  void aClientThatPrefersCodePointsGetsThem() {
    ClientCapabilities caps = new ClientCapabilities();
    GeneralClientCapabilities general = new GeneralClientCapabilities();
    general.setPositionEncodings(List.of("utf-32", "utf-16"));
    caps.setGeneral(general);
    try (TestClient c =
        TestClient.start(
            new ProjectConfiguration(DaemonSetEngine.defaults()), TestClient.immediate(), caps)) {
      assertThat(c.initialized.getCapabilities().getPositionEncoding()).isEqualTo("utf-32");
      c.open(URI, ASTRAL);
      Diagnostic d = first(c.diagnostics(URI, 1), "yaml-ambiguous-scalar");
      String line = ASTRAL.lines().toList().get(4);
      int points = line.codePointCount(0, line.indexOf("yes"));
      assertThat(d.getRange()).isEqualTo(TestClient.range(4, points, 4, points + 3));
    }
  }

  @Test
  void incrementalEditsAreAppliedInOrderAndRelinted() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, ASTRAL);
      c.diagnostics(URI, 1);
      String line = ASTRAL.lines().toList().get(4);
      int yes = line.indexOf("yes");
      // two edits in one change: quote "yes" (after the astral character), then rename name
      int v =
          c.change(
              URI,
              List.of(
                  new TextDocumentContentChangeEvent(
                      TestClient.range(4, yes, 4, yes + 3), "\"yes\""),
                  new TextDocumentContentChangeEvent(TestClient.range(3, 8, 3, 13), "node-agent")));
      PublishDiagnosticsParams p = c.diagnostics(URI, v);
      assertThat(codes(p)).doesNotContain("yaml-ambiguous-scalar");
      assertThat(c.text(URI)).contains("monitored: \"yes\"}", "name: node-agent");
      // the server's copy is the client's: hover finds the renamed value where the client has it
      Hover h = hover(c, 3, 10);
      assertThat(h.getContents().getRight().getValue()).contains("`metadata.name`");
      assertThat(h.getRange()).isEqualTo(TestClient.range(3, 8, 3, 18));
    }
  }

  @Test
  void documentsWithoutADaemonSetGetNoDiagnostics() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(
          "file:///work/svc.yaml",
          "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {bogus: 1}\n");
      assertThat(c.diagnostics("file:///work/svc.yaml", 1).getDiagnostics()).isEmpty();
      // a multi-document file with a DaemonSet: the Service's skipped-kind note is left out
      c.open(URI, "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n---\n" + VALID);
      assertThat(codes(c.diagnostics(URI, 1))).isEmpty();
    }
  }

  @Test
  void closingClearsTheDiagnostics() throws Exception {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, BROKEN);
      c.diagnostics(URI, 1);
      c.server
          .getTextDocumentService()
          .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
      PublishDiagnosticsParams p = c.published.poll(30, TimeUnit.SECONDS);
      assertThat(p.getUri()).isEqualTo(URI);
      assertThat(p.getDiagnostics()).isEmpty();
    }
  }

  @Test
  void aNewerVersionCancelsThePendingDebouncedAnalysis() throws Exception {
    JsonObject o = new JsonObject();
    o.addProperty("debounceMillis", 2000);
    o.addProperty("diagnostics", "push");
    try (TestClient c = TestClient.start(o)) {
      c.open(URI, VALID);
      c.diagnostics(URI, 1); // open is analysed at once
      c.replace(URI, BROKEN);
      c.replace(URI, VALID.replace("agent:1.2.3", "agent:latest"));
      int last = c.replace(URI, VALID);
      PublishDiagnosticsParams p = c.published.poll(30, TimeUnit.SECONDS);
      assertThat(p.getVersion()).isEqualTo(last);
      assertThat(p.getDiagnostics()).isEmpty();
      assertThat(c.published.poll(2500, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  /** A configuration whose engine waits on a latch, to hold the worker busy. */
  static final class Gate implements Configuration {
    final ProjectConfiguration delegate = new ProjectConfiguration(DaemonSetEngine.defaults());
    volatile CountDownLatch latch = new CountDownLatch(0);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public DaemonSetEngine engine(URI document) {
      if (document.toString().contains("explode")) {
        throw new IllegalStateException("boom");
      }
      entered.countDown();
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.engine(document);
    }

    @Override
    public Optional<Cluster> cluster(URI document) {
      return Optional.empty();
    }

    @Override
    public void configure(Settings settings, List<Path> workspaceRoots) {}
  }

  @Test
  void aStaleAnalysisIsNeverPublished() throws Exception {
    Gate gate = new Gate();
    gate.latch = new CountDownLatch(1);
    try (TestClient c = TestClient.start(gate, TestClient.immediate(), new ClientCapabilities())) {
      c.open(URI, BROKEN); // version 1: its analysis waits at the gate
      assertThat(await(gate.entered)).isTrue();
      int v = c.replace(URI, VALID);
      gate.latch.countDown();
      PublishDiagnosticsParams p = c.published.poll(30, TimeUnit.SECONDS);
      assertThat(p.getVersion()).isEqualTo(v);
      assertThat(p.getDiagnostics()).isEmpty();
    }
  }

  @Test
  void aCancelledRequestAnswersCancelledAndTheNextOneWorks() throws Exception {
    Gate gate = new Gate();
    try (TestClient c = TestClient.start(gate, TestClient.immediate(), new ClientCapabilities())) {
      c.open(URI, VALID);
      c.diagnostics(URI, 1);
      gate.latch = new CountDownLatch(1);
      c.replace(URI, VALID + "\n"); // its analysis now holds the worker at the gate
      CompletableFuture<Hover> pending =
          c.server
              .getTextDocumentService()
              .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(3, 3)));
      pending.cancel(true);
      gate.latch.countDown();
      // LSP4J's cancel sends $/cancelRequest before it cancels the local future, so the server's
      // RequestCancelled answer can complete the future first: either outcome is "cancelled".
      Throwable thrown = catchThrowable(() -> pending.get(30, TimeUnit.SECONDS));
      if (!(thrown instanceof CancellationException)) {
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ResponseErrorException.class);
        assertThat(((ResponseErrorException) thrown.getCause()).getResponseError().getCode())
            .isEqualTo(ResponseErrorCode.RequestCancelled.getValue());
      }
      assertThat(hover(c, 3, 3).getContents().getRight().getValue()).contains("`metadata.name`");
    }
  }

  @Test
  void aFailingRequestAnswersAnErrorAndTheServerGoesOn() throws Exception {
    Gate gate = new Gate();
    try (TestClient c = TestClient.start(gate, TestClient.immediate(), new ClientCapabilities())) {
      c.open("file:///work/explode.yaml", VALID);
      CompletableFuture<Hover> failing =
          c.server
              .getTextDocumentService()
              .hover(
                  new HoverParams(
                      new TextDocumentIdentifier("file:///work/explode.yaml"), new Position(3, 3)));
      assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .hasMessageContaining("boom");
      ResponseErrorException e = (ResponseErrorException) catchCause(failing);
      assertThat(e.getResponseError().getCode())
          .isEqualTo(ResponseErrorCode.InternalError.getValue());
      c.open(URI, VALID);
      assertThat(c.diagnostics(URI, 1).getDiagnostics()).isEmpty();
      assertThat(hover(c, 3, 3)).isNotNull();
      // a request about a document that is not open is an error too, not a crash
      assertThatThrownBy(
              () ->
                  c.server
                      .getTextDocumentService()
                      .hover(
                          new HoverParams(
                              new TextDocumentIdentifier("file:///nowhere.yaml"),
                              new Position(0, 0)))
                      .get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ResponseErrorException.class);
    }
  }

  private static Throwable catchCause(CompletableFuture<?> f) {
    try {
      f.get();
      return null;
    } catch (Exception e) {
      return e.getCause();
    }
  }

  private static boolean await(CountDownLatch l) {
    try {
      return l.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Hover hover(TestClient c, int line, int character) {
    try {
      return c.server
          .getTextDocumentService()
          .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(line, character)))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pullDiagnosticsForClientsThatAskAndNoPush() throws Exception {
    ClientCapabilities caps = new ClientCapabilities();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setDiagnostic(new DiagnosticCapabilities());
    caps.setTextDocument(text);
    JsonObject o = new JsonObject();
    o.addProperty("debounceMillis", 0);
    try (TestClient c =
        TestClient.start(new ProjectConfiguration(DaemonSetEngine.defaults()), o, caps)) {
      assertThat(c.initialized.getCapabilities().getDiagnosticProvider().getIdentifier())
          .isEqualTo("daemonset");
      c.open(URI, BROKEN);
      DocumentDiagnosticReport r =
          c.server
              .getTextDocumentService()
              .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
              .get(30, TimeUnit.SECONDS);
      var full = r.getRelatedFullDocumentDiagnosticReport();
      assertThat(full.getItems()).hasSize(9);
      assertThat(full.getItems().get(8).getRange()).isEqualTo(TestClient.range(25, 6, 25, 16));
      DocumentDiagnosticParams again =
          new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
      again.setPreviousResultId(full.getResultId());
      DocumentDiagnosticReport same =
          c.server.getTextDocumentService().diagnostic(again).get(30, TimeUnit.SECONDS);
      assertThat(same.getRelatedUnchangedDocumentDiagnosticReport().getResultId())
          .isEqualTo(full.getResultId());
      assertThat(c.published.poll(300, TimeUnit.MILLISECONDS)).isNull(); // nothing pushed
    }
  }

  static List<CodeAction> actions(TestClient c, Range range, String kind) {
    try {
      CodeActionContext ctx = new CodeActionContext(List.of());
      ctx.setOnly(List.of(kind));
      return c
          .server
          .getTextDocumentService()
          .codeAction(new CodeActionParams(new TextDocumentIdentifier(URI), range, ctx))
          .get(30, TimeUnit.SECONDS)
          .stream()
          .map(Either::getRight)
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens {@code text}, applies the one quick fix of {@code code} and returns what is published
   * after.
   */
  static PublishDiagnosticsParams fix(TestClient c, String text, String code, String title) {
    c.open(URI, text);
    Diagnostic d = first(c.diagnostics(URI, 1), code);
    List<CodeAction> found = actions(c, d.getRange(), CodeActionKind.QuickFix);
    CodeAction a =
        found.stream()
            .filter(x -> x.getDiagnostics().get(0).getCode().getLeft().equals(code))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no fix for " + code + ": " + found));
    assertThat(a.getTitle()).isEqualTo(title);
    assertThat(a.getIsPreferred()).isTrue();
    assertThat(a.getDiagnostics().get(0).getRange()).isEqualTo(d.getRange());
    return c.diagnostics(URI, c.applyEdit(URI, a.getEdit()));
  }

  static List<Object> errors(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream()
        .filter(d -> d.getSeverity() == DiagnosticSeverity.Error)
        .map(d -> (Object) d.getCode().getLeft())
        .toList();
  }

  @Test
  void quickFixRenamesAnUnknownFieldToTheSuggestedOne() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      PublishDiagnosticsParams after =
          fix(
              c,
              VALID.replace("    containers:", "    contianers:"),
              "unknown-field",
              "Rename to \"containers\"");
      assertThat(errors(after)).isEmpty();
      assertThat(c.text(URI)).isEqualTo(VALID);
    }
  }

  @Test
  void quickFixQuotesAnAmbiguousScalarInAStringField() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      PublishDiagnosticsParams after =
          fix(
              c,
              VALID.replace(
                  "  namespace: monitoring", "  namespace: monitoring\n  labels: {monitored: yes}"),
              "yaml-ambiguous-scalar",
              "Quote as the string \"yes\"");
      assertThat(codes(after)).isEmpty();
      assertThat(c.text(URI)).contains("labels: {monitored: \"yes\"}");
    }
  }

  @Test
  void quickFixWritesTheBooleanKubectlReadsInABooleanField() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      PublishDiagnosticsParams after =
          fix(
              c,
              VALID.replace(
                  "      priorityClassName:", "      hostNetwork: on\n      priorityClassName:"),
              "yaml-ambiguous-scalar",
              "Write true (what kubectl reads)");
      // what is left is the rule about the host network the manifest now asks for
      assertThat(codes(after)).containsExactly("host-network");
      assertThat(c.text(URI)).contains("hostNetwork: true\n");
    }
  }

  @Test
  void quickFixRemovesTheEarlierOfTwoDuplicateKeys() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      String text =
          VALID.replace(
              "      priorityClassName:",
              "      nodeSelector:\n        kubernetes.io/os: windows\n        kubernetes.io/os: linux\n      priorityClassName:");
      PublishDiagnosticsParams after =
          fix(
              c,
              text,
              "duplicate-key",
              "Remove the first kubernetes.io/os (the later value is the one kubectl applies)");
      assertThat(codes(after)).isEmpty();
      assertThat(c.text(URI)).contains("      nodeSelector:\n        kubernetes.io/os: linux\n");
    }
  }

  @Test
  void quickFixRemovesADuplicateKeyWithItsWholeBlockValue() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      String text =
          VALID.replace(
              "  updateStrategy:\n    type: RollingUpdate\n",
              "  updateStrategy:\n    type: OnDelete\n    # comment\n  minReadySeconds: 5\n  updateStrategy:\n    type: RollingUpdate\n");
      PublishDiagnosticsParams after =
          fix(
              c,
              text,
              "duplicate-key",
              "Remove the first updateStrategy (the later value is the one kubectl applies)");
      assertThat(codes(after)).isEmpty();
      assertThat(c.text(URI))
          .contains("\n  minReadySeconds: 5\n  updateStrategy:\n    type: RollingUpdate\n");
    }
  }

  @Test
  void quickFixReplacesARemovedApiVersion() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      PublishDiagnosticsParams before;
      c.open(URI, VALID.replace("apps/v1", "extensions/v1beta1"));
      before = c.diagnostics(URI, 1);
      assertThat(first(before, "unsupported-api-version").getTags())
          .containsExactly(DiagnosticTag.Deprecated);
      c.server
          .getTextDocumentService()
          .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
      c.published.clear();
      PublishDiagnosticsParams after =
          fix(
              c,
              VALID.replace("apps/v1", "extensions/v1beta1"),
              "unsupported-api-version",
              "Replace with apps/v1");
      assertThat(codes(after)).isEmpty();
      assertThat(c.text(URI)).isEqualTo(VALID);
    }
  }

  @Test
  void quickFixAddsTheSelectorLabelsMissingFromTheTemplate() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      String text =
          VALID.replace(
              "    matchLabels:\n      app: agent\n",
              "    matchLabels:\n      app: agent\n      tier: node\n");
      PublishDiagnosticsParams after =
          fix(c, text, "FieldValueInvalid", "Add the selector's labels to the template: tier");
      assertThat(codes(after)).isEmpty();
      assertThat(c.text(URI)).contains("      labels:\n        tier: node\n        app: agent\n");
    }
  }

  @Test
  void refactoringWritesTheApiServersDefaultsAndHoverShowsThem() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, VALID);
      assertThat(c.diagnostics(URI, 1).getDiagnostics()).isEmpty();
      // hover on updateStrategy: type written, rollingUpdate from the defaults
      Hover h = hover(c, 9, 4);
      assertThat(h.getContents().getRight().getValue())
          .contains("`spec.updateStrategy`")
          .contains("type: RollingUpdate, rollingUpdate: {…} (default)")
          .contains("An update strategy to replace existing DaemonSet pods with new pods.")
          .contains("Apache-2.0");
      List<CodeAction> refactors =
          actions(c, TestClient.range(9, 4, 9, 4), CodeActionKind.RefactorRewrite);
      assertThat(refactors)
          .extracting(CodeAction::getTitle)
          .containsExactly("Write the API server's defaults of spec.updateStrategy: rollingUpdate");
      int v = c.applyEdit(URI, refactors.get(0).getEdit());
      assertThat(c.diagnostics(URI, v).getDiagnostics()).isEmpty();
      assertThat(c.text(URI))
          .contains(
              "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 0\n  template:");
      // hovering rollingUpdate now: written, so no "(default)" on it
      Hover r = hover(c, 11, 6);
      assertThat(r.getContents().getRight().getValue())
          .contains("maxUnavailable: 1, maxSurge: 0")
          .contains("Rolling update config params.");
    }
  }

  @Test
  void hoverShowsTheDefaultedValuesOfAnEmptyRollingUpdate() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, VALID.replace("    type: RollingUpdate\n", "    rollingUpdate: {}\n"));
      c.diagnostics(URI, 1);
      Hover h = hover(c, 10, 6);
      assertThat(h.getContents().getRight().getValue())
          .contains(
              "**Effective value** (after the API server's defaults): `maxUnavailable: 1 (default), maxSurge: 0 (default)`");
      assertThat(h.getRange()).isEqualTo(TestClient.range(10, 4, 10, 17));
    }
  }

  @Test
  void theLastGoodModelServesHoverWhileTheTextIsBroken() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, VALID);
      c.diagnostics(URI, 1);
      int v = c.replace(URI, VALID + "  broken: [unclosed\n");
      assertThat(codes(c.diagnostics(URI, v))).contains("yaml-syntax");
      assertThat(hover(c, 3, 3).getContents().getRight().getValue()).contains("`metadata.name`");
    }
  }

  /** The completion labels at the cursor, written as {@code §} in {@code text}. */
  static List<String> complete(TestClient c, String text) {
    return completion(c, text).stream().map(CompletionItem::getLabel).toList();
  }

  static List<CompletionItem> completion(TestClient c, String text) {
    int at = text.indexOf('§');
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(ch -> ch == '\n').count();
    int character = at - (before.lastIndexOf('\n') + 1);
    c.open(URI, text.replace("§", ""));
    try {
      return c.server
          .getTextDocumentService()
          .completion(
              new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, character)))
          .get(30, TimeUnit.SECONDS)
          .getRight()
          .getItems();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String after(String anchor, String inserted) {
    return VALID.replace(anchor, anchor + inserted);
  }

  @Test
  void completesFieldsEnumValuesAndLabelKeys() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      // a field of the container, while the document is broken by the partial word
      String image = "        image: agent:1.2.3\n";
      assertThat(complete(c, after(image, "        imagePu§\n")))
          .containsExactly("imagePullPolicy");
      // the fields of the pod spec not yet written, with upstream's documentation
      String pcn = "      priorityClassName: system-node-critical\n";
      assertThat(complete(c, after(pcn, "      to§\n")))
          .contains("tolerations", "topologySpreadConstraints")
          .doesNotContain("priorityClassName");
      assertThat(complete(c, after(pcn, "      pri§\n"))).containsExactly("priority");
      CompletionItem tol =
          completion(c, after(pcn, "      tol§\n")).stream()
              .filter(i -> i.getLabel().equals("tolerations"))
              .findFirst()
              .orElseThrow();
      assertThat(tol.getDocumentation().getRight().getValue())
          .startsWith("If specified, the pod's tolerations.")
          .contains("Apache-2.0");
      assertThat(tol.getDetail()).isEqualTo("list");
      // enum values
      assertThat(complete(c, VALID.replace("    type: RollingUpdate", "    type: §")))
          .containsExactly("RollingUpdate", "OnDelete");
      assertThat(complete(c, after(image, "        imagePullPolicy: I§\n")))
          .containsExactly("IfNotPresent");
      String tolerations =
          "      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n";
      assertThat(complete(c, after(pcn, tolerations + "        operator: §\n")))
          .containsExactly("Exists", "Equal");
      assertThat(
              complete(
                  c, after(pcn, tolerations + "        operator: Exists\n        effect: No§\n")))
          .containsExactly("NoSchedule", "NoExecute");
      assertThat(
              complete(
                  c, after(pcn, "      tolerations:\n      - key: node.kubernetes.io/not-r§\n")))
          .containsExactly("node.kubernetes.io/not-ready");
      // well-known keys: node labels in nodeSelector, recommended labels in the template's labels
      assertThat(complete(c, after(pcn, "      nodeSelector:\n        kubernetes.io/§\n")))
          .containsExactly("kubernetes.io/os", "kubernetes.io/arch", "kubernetes.io/hostname");
      assertThat(complete(c, after("        app: agent\n", "        app.kubernetes.io/n§\n")))
          .containsExactly("app.kubernetes.io/name");
      // a document of another kind gets nothing
      assertThat(complete(c, "apiVersion: v1\nkind: Service\nspec:\n  cl§\n")).isEmpty();
    }
  }

  @Test
  void outlinesDocumentsAndTheirDaemonSets() throws Exception {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(URI, VALID + "---\napiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n");
      List<DocumentSymbol> symbols =
          c
              .server
              .getTextDocumentService()
              .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI)))
              .get(30, TimeUnit.SECONDS)
              .stream()
              .map(Either::getRight)
              .toList();
      assertThat(symbols)
          .extracting(DocumentSymbol::getName)
          .containsExactly("DaemonSet monitoring/agent", "Node worker-1");
      DocumentSymbol ds = symbols.get(0);
      assertThat(ds.getSelectionRange()).isEqualTo(TestClient.range(3, 8, 3, 13));
      assertThat(ds.getChildren())
          .extracting(DocumentSymbol::getName)
          .containsExactly("selector", "updateStrategy", "template");
      assertThat(ds.getChildren().get(2).getChildren())
          .extracting(DocumentSymbol::getName)
          .containsExactly("container agent");
    }
  }

  @Test
  void theCodeLensSaysWhereTheDaemonSetRunsInTheConfiguredCluster() throws Exception {
    JsonObject o = TestClient.immediate();
    JsonArray cluster = new JsonArray();
    cluster.add("src/examples/cluster.yaml");
    o.add("cluster", cluster);
    try (TestClient c = TestClient.start(o)) {
      String agent = TestFiles.read(TestFiles.src("examples/node-agent.yaml"));
      c.open(URI, agent);
      assertThat(codes(c.diagnostics(URI, 1))).doesNotContain(Placement.CODE);
      List<? extends CodeLens> lenses =
          c.server
              .getTextDocumentService()
              .codeLens(new CodeLensParams(new TextDocumentIdentifier(URI)))
              .get(30, TimeUnit.SECONDS);
      assertThat(lenses).hasSize(1);
      assertThat(lenses.get(0).getCommand().getTitle())
          .isEqualTo(
              "cluster.yaml: The pod runs on 6 of 10 nodes; not on the others because of: node"
                  + " affinity (1 node), nodeSelector (2 nodes), untolerated taints (1 node).");
      int kindLine = agent.lines().toList().indexOf("kind: DaemonSet");
      assertThat(lenses.get(0).getRange().getStart()).isEqualTo(new Position(kindLine, 0));
      // a nodeSelector no node has: a warning at the nodeSelector
      String nowhere = agent.replace("kubernetes.io/os: linux", "kubernetes.io/os: plan9");
      int v = c.replace(URI, nowhere);
      Diagnostic w = first(c.diagnostics(URI, v), Placement.CODE);
      assertThat(w.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
      assertThat(w.getMessage())
          .startsWith(
              "this DaemonSet would run on none of the 10 nodes of the cluster snapshot cluster.yaml: ");
      int selectorLine =
          nowhere
              .lines()
              .toList()
              .indexOf(
                  nowhere
                      .lines()
                      .filter(l -> l.strip().equals("nodeSelector:"))
                      .findFirst()
                      .orElseThrow());
      assertThat(w.getRange().getStart().getLine()).isEqualTo(selectorLine);
      assertThat(w.getCodeDescription().getHref()).endsWith("docs/editors.md#cluster-aware-hints");
    }
  }

  @Test
  void aClusterFileThatDoesNotParseGetsItsErrorsWhereTheyAre(@TempDir Path dir) throws Exception {
    String good = TestFiles.read(TestFiles.src("examples/cluster.yaml"));
    Path nodes = dir.resolve("nodes.yaml");
    String broken = good + "---\napiVersion: v1\nkind: Node\nmetadata: {name: [spare\n";
    Files.writeString(nodes, broken);
    String nodesUri = nodes.toUri().toString();
    JsonObject o = TestClient.immediate();
    o.addProperty("cluster", nodes.toString());
    try (TestClient c = TestClient.start(o)) {
      c.open(URI, TestFiles.read(TestFiles.src("examples/node-agent.yaml")));
      PublishDiagnosticsParams p = c.fileDiagnostics(nodesUri);
      assertThat(codes(p)).containsExactly("yaml-syntax");
      int brokenLine = (int) broken.lines().count() - 1;
      assertThat(p.getDiagnostics().get(0).getRange().getStart().getLine())
          .isBetween(brokenLine - 1, brokenLine + 1);
      assertThat(p.getDiagnostics().get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
      // the rest of the file is used: the lens still counts the 10 nodes of the good part; the
      // snapshot's errors stay on the snapshot
      assertThat(codes(c.diagnostics(URI, 1))).doesNotContain("yaml-syntax");
      List<? extends CodeLens> lenses =
          c.server
              .getTextDocumentService()
              .codeLens(new CodeLensParams(new TextDocumentIdentifier(URI)))
              .get(30, TimeUnit.SECONDS);
      assertThat(lenses.get(0).getCommand().getTitle())
          .startsWith("nodes.yaml: ")
          .contains(" of 10 nodes");

      // mended on disk: the watched-files notification reads it again and the errors are cleared
      Files.writeString(nodes, good);
      c.server
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(nodesUri, FileChangeType.Changed))));
      assertThat(c.fileDiagnostics(nodesUri).getDiagnostics()).isEmpty();
    }
  }

  @Test
  void configurationFilesAreWatchedAndASavedOneRelintsTheOpenDocuments() throws Exception {
    ClientCapabilities caps = new ClientCapabilities();
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    caps.setWorkspace(ws);
    try (TestClient c =
        TestClient.start(
            new ProjectConfiguration(DaemonSetEngine.defaults()), TestClient.immediate(), caps)) {
      c.open(URI, BROKEN);
      int before = c.diagnostics(URI, 1).getDiagnostics().size();
      // registered at initialized, so before the diagnostics of a later didOpen
      assertThat(c.registrations).hasSize(1);
      org.eclipse.lsp4j.Registration r = c.registrations.get(0);
      assertThat(r.getMethod()).isEqualTo("workspace/didChangeWatchedFiles");
      assertThat(r.getRegisterOptions().toString()).contains("**/.daemonset.yaml");

      // saving another file changes nothing; saving a configuration file analyses again
      long analyses = c.impl.analysesRun();
      c.server
          .getTextDocumentService()
          .didSave(
              new DidSaveTextDocumentParams(new TextDocumentIdentifier("file:///work/x.yaml")));
      c.server
          .getTextDocumentService()
          .didSave(
              new DidSaveTextDocumentParams(
                  new TextDocumentIdentifier("file:///work/.daemonset.yaml")));
      assertThat(c.diagnostics(URI, 1).getDiagnostics()).hasSize(before);
      assertThat(c.impl.analysesRun()).isEqualTo(analyses + 1);
    }
  }

  /**
   * VALID with what three rules find: no priority class, the latest tag, and a maxUnavailable of
   * 30% (under max-unavailable-high's default of 50%).
   */
  static final String CONFIGURED =
      VALID
          .replace("      priorityClassName: system-node-critical\n", "")
          .replace("agent:1.2.3", "agent:latest")
          .replace(
              "    type: RollingUpdate\n",
              "    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 30%}\n");

  @Test
  void theProjectConfigurationSwitchesRelevelsAndParameterisesRules(@TempDir Path dir)
      throws Exception {
    Path plainDir = Files.createDirectories(dir.resolve("plain"));
    Path project = Files.createDirectories(dir.resolve("project").resolve("deploy")).getParent();
    Files.writeString(
        project.resolve(".daemonset.yaml"),
        """
        rules:
          priority-class-missing: off
          image-tag-latest: error
          max-unavailable-high:
            maxPercent: 20
        """);
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      // without a configuration file: the defaults
      String plain = plainDir.resolve("agent.yaml").toUri().toString();
      c.open(plain, CONFIGURED);
      PublishDiagnosticsParams defaults = c.diagnostics(plain, 1);
      assertThat(codes(defaults))
          .contains("priority-class-missing", "image-tag-latest")
          .doesNotContain("max-unavailable-high");
      assertThat(first(defaults, "image-tag-latest").getSeverity())
          .isEqualTo(DiagnosticSeverity.Warning);

      // in the project: its .daemonset.yaml, found upward from deploy/
      String configured = project.resolve("deploy").resolve("agent.yaml").toUri().toString();
      c.open(configured, CONFIGURED);
      PublishDiagnosticsParams p = c.diagnostics(configured, 1);
      assertThat(codes(p))
          .doesNotContain("priority-class-missing")
          .contains("image-tag-latest", "max-unavailable-high");
      assertThat(first(p, "image-tag-latest").getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    }
  }

  @Test
  void aBrokenConfigurationIsReportedOnItselfAndTheMendedOneApplies(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve(".daemonset.yaml");
    Files.writeString(config, "rules:\n  priority-class-mising: off\n");
    String configUri = config.toUri().toString();
    String uri = dir.resolve("agent.yaml").toUri().toString();
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(uri, CONFIGURED);
      PublishDiagnosticsParams problems = c.fileDiagnostics(configUri);
      assertThat(codes(problems)).containsExactly("invalid-config");
      Diagnostic d = problems.getDiagnostics().get(0);
      assertThat(d.getRange().getStart().getLine()).isEqualTo(1);
      assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
      assertThat(d.getMessage()).contains("priority-class-missing"); // did you mean
      assertThat(d.getCodeDescription().getHref()).endsWith("docs/rules.md#engine");
      // the rest of the configuration still applies; the rule it failed to name still runs
      assertThat(codes(c.diagnostics(uri, 1))).contains("priority-class-missing");

      // mended on disk and reported changed: the problem is cleared and the rule is off
      Files.writeString(config, "rules:\n  priority-class-missing: off\n");
      c.server
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(configUri, FileChangeType.Changed))));
      assertThat(c.fileDiagnostics(configUri).getDiagnostics()).isEmpty();
      assertThat(codes(c.diagnostics(uri, 1))).doesNotContain("priority-class-missing");
    }
  }

  @Test
  void theCodeLensUsesTheClusterOfTheProjectConfiguration(@TempDir Path dir) throws Exception {
    Files.copy(TestFiles.src("examples/cluster.yaml"), dir.resolve("nodes.yaml"));
    Files.writeString(dir.resolve(".daemonset.yaml"), "cluster:\n  - nodes.yaml\n");
    String uri = dir.resolve("agent.yaml").toUri().toString();
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      c.open(uri, TestFiles.read(TestFiles.src("examples/node-agent.yaml")));
      c.diagnostics(uri, 1);
      List<? extends CodeLens> lenses =
          c.server
              .getTextDocumentService()
              .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
              .get(30, TimeUnit.SECONDS);
      assertThat(lenses).hasSize(1);
      assertThat(lenses.get(0).getCommand().getTitle())
          .startsWith("nodes.yaml: The pod runs on 6 of 10 nodes");
    }
  }

  @Test
  void aDocumentBeyondTheReadLimitsGetsOneLocatedDiagnostic() {
    try (TestClient c = TestClient.start(TestClient.immediate())) {
      StringBuilder big =
          new StringBuilder(
              VALID.replace(
                  "  namespace: monitoring\n", "  namespace: monitoring\n  annotations:\n"));
      int at = big.indexOf("  annotations:\n") + "  annotations:\n".length();
      StringBuilder notes = new StringBuilder();
      for (int i = 0; notes.length() < 3_300_000; i++) {
        notes.append("    note-").append(i).append(": ").append("x".repeat(100)).append('\n');
      }
      big.insert(at, notes);
      c.open(URI, big.toString());
      PublishDiagnosticsParams p = c.diagnostics(URI, 1);
      assertThat(codes(p)).containsExactly("document-too-large");
      // located where the too large object starts, as the client can show it
      assertThat(p.getDiagnostics().get(0).getRange().getStart()).isEqualTo(new Position(0, 0));
      assertThat(p.getDiagnostics().get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
      c.replace(URI, VALID);
      assertThat(c.diagnostics(URI, 2).getDiagnostics()).isEmpty();
    }
  }

  @Test
  void afterShutdownRequestsAnswerInvalidRequestAndNothingMoreIsPublished() throws Exception {
    TestClient c = TestClient.start(TestClient.immediate());
    c.open(URI, VALID);
    c.diagnostics(URI, 1);
    assertThat(c.server.shutdown().get(30, TimeUnit.SECONDS)).isNull();
    CompletableFuture<Hover> late =
        c.server
            .getTextDocumentService()
            .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(3, 3)));
    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ResponseErrorException.class);
    assertThat(((ResponseErrorException) catchCause(late)).getResponseError().getCode())
        .isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
    c.replace(URI, BROKEN);
    assertThat(c.published.poll(500, TimeUnit.MILLISECONDS)).isNull();
    c.server.exit();
    assertThat(c.exitCode.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void shutdownThenExitExitsWithZeroAndExitAloneWithOne() throws Exception {
    TestClient c = TestClient.start(TestClient.immediate());
    assertThat(c.server.shutdown().get(30, TimeUnit.SECONDS)).isNull();
    c.server.exit();
    assertThat(c.exitCode.get(30, TimeUnit.SECONDS)).isZero();
    TestClient d = TestClient.start(TestClient.immediate());
    d.server.exit();
    assertThat(d.exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
