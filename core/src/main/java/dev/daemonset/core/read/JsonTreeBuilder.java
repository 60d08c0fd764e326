package dev.daemonset.core.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.json.JacksonSupport;
import dev.daemonset.core.internal.tree.Assembler;
import dev.daemonset.core.internal.tree.Finding;
import dev.daemonset.core.internal.tree.ReaderCode;
import dev.daemonset.core.internal.tree.Tree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds located trees from JSON (one value, or several in a row as {@code kubectl} accepts) with
 * Jackson's streaming parser, which keeps no recursion of its own.
 */
final class JsonTreeBuilder {

  /** Created on first use, after {@link JacksonSupport#require()} passed. */
  private static final class Factory {
    static final JsonFactory UNLIMITED = JacksonSupport.unlimitedReading();
  }

  private final String text;
  private final LineIndex lines;
  private final ReadLimits limits;
  private final Consumer<RawDocument> documents;

  private JsonTreeBuilder(String text, ReadLimits limits, Consumer<RawDocument> documents) {
    this.text = text;
    this.lines = new LineIndex(text);
    this.limits = limits;
    this.documents = documents;
  }

  /** Parses {@code text}, handing each document to {@code documents} as soon as it is complete. */
  static void read(String text, ReadLimits limits, Consumer<RawDocument> documents) {
    JacksonSupport.require();
    new JsonTreeBuilder(text, limits, documents).run();
  }

  private void run() {
    List<Finding> findings = new ArrayList<>();
    Assembler assembler = new Assembler(limits.maxDepth(), findings);
    int depth = 0;
    boolean abandoned = false;
    boolean inDocument = false;
    try (JsonParser p = Factory.UNLIMITED.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int offset = (int) p.currentTokenLocation().getCharOffset();
        if (!inDocument) {
          findings = new ArrayList<>();
          assembler = new Assembler(limits.maxDepth(), findings);
          abandoned = false;
          inDocument = true;
        }
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            if (abandoned) {
              p.skipChildren(); // to the matching end, without a look at each token (deep input)
            } else {
              depth++;
              if (!assembler.open(
                  t == JsonToken.START_OBJECT, lines.span(offset, offset), offset)) {
                abandoned = true;
              }
            }
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            if (!abandoned) {
              assembler.close(lines.span(offset, offset + 1), offset + 1);
            }
          }
          case FIELD_NAME -> {
            String name = p.currentName();
            int end = stringEnd(offset);
            if (!abandoned && tooLong(name, offset, end, assembler, findings)) {
              abandoned = true;
            } else if (!abandoned) {
              assembler.key(name, lines.span(offset, end), false);
            }
          }
          default -> {
            if (!abandoned) {
              abandoned = !scalar(p, t, offset, assembler, findings);
            }
          }
        }
        if (depth == 0) {
          documents.accept(new RawDocument(abandoned ? null : assembler.root(), findings));
          inDocument = false;
        }
      }
    } catch (JsonProcessingException e) {
      int offset = (int) Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getCharOffset());
      if (!inDocument) {
        findings = new ArrayList<>();
        assembler = new Assembler(limits.maxDepth(), findings);
      }
      findings.add(
          Finding.error(
              ReaderCode.JSON_SYNTAX,
              assembler.path(),
              "invalid JSON: " + e.getOriginalMessage().strip().replaceAll("\\s+", " "),
              lines.span(offset, offset)));
      documents.accept(new RawDocument(null, findings));
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
  }

  private boolean tooLong(
      String s, int offset, int end, Assembler assembler, List<Finding> findings) {
    if (s.length() > limits.maxStringLength()) {
      findings.add(
          Finding.error(
              ReaderCode.STRING_TOO_LONG,
              assembler.path(),
              "a string of "
                  + s.length()
                  + " characters is longer than the limit of "
                  + limits.maxStringLength(),
              lines.span(offset, end)));
      return true;
    }
    return false;
  }

  /** Adds a scalar; false if it broke a limit. */
  private boolean scalar(
      JsonParser p, JsonToken t, int offset, Assembler assembler, List<Finding> findings)
      throws IOException {
    JsonValue v;
    int end;
    switch (t) {
      case VALUE_STRING -> {
        String s = p.getText();
        end = stringEnd(offset);
        if (tooLong(s, offset, end, assembler, findings)) {
          return false;
        }
        v = JsonValue.of(s);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String literal = p.getText();
        end = offset + literal.length();
        if (literal.length() > limits.maxNumberLength()) {
          findings.add(
              Finding.error(
                  ReaderCode.NUMBER_TOO_LONG,
                  assembler.path(),
                  "a number literal of "
                      + literal.length()
                      + " characters is longer than the limit of "
                      + limits.maxNumberLength(),
                  lines.span(offset, end)));
          return false;
        }
        v = new JsonValue.Num(literal);
      }
      case VALUE_TRUE -> {
        v = JsonValue.of(true);
        end = offset + 4;
      }
      case VALUE_FALSE -> {
        v = JsonValue.of(false);
        end = offset + 5;
      }
      default -> {
        v = JsonValue.NULL;
        end = offset + 4;
      }
    }
    assembler.value(new Tree.Scalar(v, lines.span(offset, end), offset, end));
    return true;
  }

  /**
   * The offset after the closing quote of the string starting at {@code open}: the first quote
   * after an even run of backslashes (an odd run escapes it), found with {@link String#indexOf}
   * rather than a char-by-char walk.
   */
  private int stringEnd(int open) {
    return stringEnd(text, open);
  }

  static int stringEnd(String text, int open) {
    int from = open + 1;
    while (true) {
      int quote = text.indexOf('"', from);
      if (quote < 0) {
        return text.length();
      }
      int run = 0;
      while (quote - run - 1 >= from && text.charAt(quote - run - 1) == '\\') {
        run++;
      }
      if (run % 2 == 0) {
        return quote + 1;
      }
      from = quote + 1;
    }
  }
}
