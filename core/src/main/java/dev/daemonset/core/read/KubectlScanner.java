package dev.daemonset.core.read;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerException;
import org.yaml.snakeyaml.tokens.DirectiveToken;
import org.yaml.snakeyaml.tokens.Token;

/**
 * SnakeYAML's scanner, failing where kubectl fails on tokens SnakeYAML accepts: directives. kubectl
 * cuts the stream at every {@code ---} line before go-yaml sees it ({@link DocumentSplitter}), so a
 * directive never reaches the document it announces: go-yaml fails on {@code %YAML 1.1} and {@code
 * %TAG} ("did not find expected &lt;document start&gt;"), on {@code %YAML 1.2} ("found incompatible
 * YAML document") and on any other name ("found unknown directive name"), where SnakeYAML takes the
 * first two and ignores the rest.
 */
final class KubectlScanner implements Scanner {

  /** A token kubectl rejects: a syntax error with kubectl's reason, located at the token. */
  static final class Rejected extends ScannerException {
    private static final long serialVersionUID = 1L;

    Rejected(String problem, Mark at) {
      super(null, null, problem, at);
    }
  }

  private final Scanner scanner;

  KubectlScanner(Scanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public boolean checkToken(Token.ID... choices) {
    check();
    return scanner.checkToken(choices);
  }

  @Override
  public Token peekToken() {
    check();
    return scanner.peekToken();
  }

  @Override
  public Token getToken() {
    check();
    return scanner.getToken();
  }

  @Override
  public void resetDocumentIndex() {
    scanner.resetDocumentIndex();
  }

  private void check() {
    if (scanner.checkToken(Token.ID.Directive)) {
      DirectiveToken<?> d = (DirectiveToken<?>) scanner.peekToken();
      String name = d.getName();
      String reason;
      if (name.equals("YAML")
          && d.getValue() != null
          && !"[1, 1]".equals(d.getValue().toString())) {
        reason = "found incompatible YAML document";
      } else if (name.equals("YAML") || name.equals("TAG")) {
        reason = "did not find expected <document start>";
      } else {
        reason = "found unknown directive name";
      }
      throw new Rejected(
          "the directive %"
              + name
              + ": kubectl fails on it (\""
              + reason
              + "\"), since it cuts the stream at each --- line before parsing and no directive"
              + " reaches its document; remove the line",
          d.getStartMark());
    }
  }
}
