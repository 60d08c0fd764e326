package dev.daemonset.core.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
import java.nio.charset.StandardCharsets;
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

  /**
   * Whether Jackson reads the text's bytes rather than its chars: for ASCII text (one byte per
   * char, so byte offsets are char offsets), where its byte parser and byte-keyed name table take
   * less time than the char parser.
   */
  private final boolean bytes;

  /**
   * Whether token offsets are found in the text instead of asked of Jackson (whose {@link
   * JsonParser#currentTokenLocation()} builds an object per token, a fifth of what reading a
   * DaemonSet allocated): JSON allows only blanks, colons and commas between tokens, so the next
   * token starts at the first other character after the end of the last one.
   */
  private final boolean scan;

  /** Where the last token ended, when {@link #synced}. */
  private int cursor;

  /** False after tokens were skipped unseen: the next offset is asked of Jackson. */
  private boolean synced;

  private JsonTreeBuilder(
      String text,
      boolean bytes,
      boolean scan,
      ReadLimits limits,
      Consumer<RawDocument> documents) {
    this.text = text;
    this.bytes = bytes;
    this.scan = scan;
    this.lines = new LineIndex(text);
    this.limits = limits;
    this.documents = documents;
  }

  /**
   * Parses {@code text}, handing each document to {@code documents} as soon as it is complete.
   *
   * @param ascii whether the text is known to be printable ASCII, tabs and line breaks only
   * @param fastPaths whether the JSON fast paths may run: ASCII text parsed as bytes, token offsets
   *     found by scanning the text (see {@link ManifestReader#withoutFastPaths()})
   */
  static void read(
      String text,
      boolean ascii,
      ReadLimits limits,
      boolean fastPaths,
      Consumer<RawDocument> documents) {
    JacksonSupport.require();
    new JsonTreeBuilder(text, ascii && fastPaths, fastPaths, limits, documents).run();
  }

  private JsonParser parser() throws IOException {
    return bytes
        ? Factory.UNLIMITED.createParser(text.getBytes(StandardCharsets.ISO_8859_1))
        : Factory.UNLIMITED.createParser(text);
  }

  /** The char offset of a location (for ASCII text parsed as bytes, its byte offset). */
  private long offset(JsonLocation location) {
    return location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
  }

  private void run() {
    List<Finding> findings = new ArrayList<>();
    Assembler assembler = new Assembler(limits.maxDepth(), findings, true);
    int depth = 0;
    boolean abandoned = false;
    boolean inDocument = false;
    try (JsonParser p = parser()) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int offset = tokenOffset(p, t);
        cursor = tokenEnd(p, t, offset);
        synced = scan;
        if (!inDocument) {
          findings = new ArrayList<>();
          assembler = new Assembler(limits.maxDepth(), findings, true);
          abandoned = false;
          inDocument = true;
        }
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            if (abandoned) {
              p.skipChildren(); // to the matching end, without a look at each token (deep input)
              synced = false;
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
            int end = cursor; // tokenEnd's: the closing quote's end
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
    } catch (JsonProcessingException error) {
      // The byte parser words some errors differently: report the char parser's words, which do
      // not depend on the text being ASCII (errors are rare; reading again costs nothing else).
      JsonProcessingException e = bytes ? asChars(error) : error;
      JsonLocation at = e.getLocation();
      int offset = (int) Math.max(0, at == null ? 0 : offset(at));
      if (!inDocument) {
        findings = new ArrayList<>();
        assembler = new Assembler(limits.maxDepth(), findings, true);
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

  /** The offset of the current token {@code t}. */
  private int tokenOffset(JsonParser p, JsonToken t) {
    if (synced) {
      int i = cursor;
      while (i < text.length() && isBetweenTokens(text.charAt(i))) {
        i++;
      }
      if (i < text.length() && starts(t, text.charAt(i))) {
        return i;
      }
    }
    return (int) offset(p.currentTokenLocation());
  }

  private static boolean isBetweenTokens(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':' || c == ',';
  }

  /** Whether a token {@code t} can start with {@code c} (else the offset is asked of Jackson). */
  private static boolean starts(JsonToken t, char c) {
    return switch (t) {
      case START_OBJECT -> c == '{';
      case START_ARRAY -> c == '[';
      case END_OBJECT -> c == '}';
      case END_ARRAY -> c == ']';
      case FIELD_NAME, VALUE_STRING -> c == '"';
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> c == '-' || (c >= '0' && c <= '9');
      case VALUE_TRUE -> c == 't';
      case VALUE_FALSE -> c == 'f';
      case VALUE_NULL -> c == 'n';
      default -> false;
    };
  }

  /** The offset just after the current token {@code t}, which starts at {@code offset}. */
  private int tokenEnd(JsonParser p, JsonToken t, int offset) throws IOException {
    return switch (t) {
      case FIELD_NAME, VALUE_STRING -> stringEnd(offset);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> offset + p.getTextLength();
      case VALUE_TRUE, VALUE_NULL -> offset + 4;
      case VALUE_FALSE -> offset + 5;
      default -> offset + 1;
    };
  }

  /** The error the char parser meets in the text: the same place as {@code error}'s. */
  private JsonProcessingException asChars(JsonProcessingException error) {
    try (JsonParser p = Factory.UNLIMITED.createParser(text)) {
      while (p.nextToken() != null) {
        p.skipChildren();
      }
    } catch (JsonProcessingException e) {
      return e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
    return error;
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
    int end = cursor; // tokenEnd's, computed once per token
    switch (t) {
      case VALUE_STRING -> {
        String s = p.getText();
        if (tooLong(s, offset, end, assembler, findings)) {
          return false;
        }
        v = JsonValue.of(s);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String literal = p.getText();
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
      case VALUE_TRUE -> v = JsonValue.of(true);
      case VALUE_FALSE -> v = JsonValue.of(false);
      default -> v = JsonValue.NULL;
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
