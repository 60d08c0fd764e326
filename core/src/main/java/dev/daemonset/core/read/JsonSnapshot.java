package dev.daemonset.core.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.core.internal.snapshot.Anomaly;
import dev.daemonset.core.internal.snapshot.SnapshotBinder;
import dev.daemonset.core.internal.snapshot.Strings;
import dev.daemonset.core.internal.tree.ReaderCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JSON snapshot, read in one pass with Jackson's streaming parser: each top-level value is a
 * document, and the items of a {@code v1 List} are documents of their own, bound one by one as they
 * are parsed ({@link SnapshotBinder}), so no tree and no text of the whole input is ever held.
 *
 * <p>The bytes of the object being read stay at hand in the {@link Window}: an object the binder
 * does not take (another kind, or an {@link Anomaly}) is read again from them by the full reader
 * ({@link FullRead}). A top-level object also stays at hand while it could still turn out not to be
 * a List (kubectl writes {@code kind: List} after the items), up to the object size limit.
 *
 * <p>A syntax error ends the read with one located diagnostic; the top-level document it is in
 * yields nothing, as the full reader reads nothing of a document it cannot parse.
 */
final class JsonSnapshot {

  /** Jackson's words for a control character: {@code (CTRL-CHAR, code 127)}. */
  private static final Pattern CONTROL = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");

  private final Window window;
  private final long start;
  private final Collected out;
  private final FullRead full;
  private final Strings strings = new Strings();
  private final JsonParser parser;
  private final JsonTokens tokens;
  private final SnapshotBinder binder;
  private final int maxObjectSize;

  /** Where the top-level document being read began in {@link #out}. */
  private Collected.Mark document = new Collected.Mark(0, 0, 0);

  /** Bytes that are not text were met: everything was given up for that one error. */
  private boolean stopped;

  /**
   * @param window the input
   * @param start where the JSON starts in it (after a byte order mark)
   */
  JsonSnapshot(ManifestReader reader, Window window, long start, Collected out) {
    this.window = window;
    this.start = start;
    this.out = out;
    this.full = new FullRead(reader);
    ReadLimits limits = reader.limits();
    this.maxObjectSize = limits.maxObjectSize();
    // Jackson's own limits, as the full reader's: a string or number it keeps, and the nesting it
    // tracks (one context per level), cannot grow without bound; what it skips it does not hold.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // as deep as the full reader lets a document go: a List's levels count too
                    .maxNestingDepth(limits.maxDepth())
                    .maxNumberLength(limits.maxNumberLength())
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength())
                    .maxDocumentLength(-1)
                    .build())
            .build();
    try {
      this.parser = factory.createParser(window.stream(start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.tokens = new JsonTokens(parser, strings);
    this.binder = new SnapshotBinder(tokens, strings, limits.maxDepth());
  }

  /** Reads every document of the input. */
  void run() {
    try {
      for (JsonToken t = parser.nextToken(); t != null && !stopped; t = parser.nextToken()) {
        Position at = position();
        window.keepFrom(at.offset);
        document = out.mark();
        if (!topLevel(t, at)) {
          error(tokens.failure());
          return;
        }
      }
    } catch (JsonProcessingException e) {
      error(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a token starts: stream offset, line and column. */
  private record Position(long offset, int line, int column) {}

  private Position position() {
    JsonLocation l = parser.currentTokenLocation();
    return new Position(start + l.getByteOffset(), l.getLineNr(), l.getColumnNr());
  }

  /** The offset just after the current token (a closing brace or bracket). */
  private long endOffset() {
    return start + parser.currentTokenLocation().getByteOffset() + 1;
  }

  /**
   * One top-level value, from its first token; false on a syntax error.
   *
   * @throws IOException if Jackson's parser fails outside the token stream's guard
   */
  private boolean topLevel(JsonToken first, Position at) throws IOException {
    if (first != JsonToken.START_OBJECT) {
      if (first.isStructStart()) {
        parser.skipChildren();
      }
      again(at, first.isStructStart() ? endOffset() : valueEnd(at), false);
      return true;
    }
    tokens.startObject();
    String apiVersion = null;
    String kind = null;
    boolean list = false;
    int seen = 0;
    try {
      for (String key = nextKey(); key != null; key = nextKey()) {
        if (key.equals("apiVersion") && (seen & 1) == 0 && nextIsString()) {
          seen |= 1;
          apiVersion = parser.getText();
        } else if (key.equals("kind") && (seen & 2) == 0 && nextIsString()) {
          seen |= 2;
          kind = parser.getText();
        } else if (key.equals("items")
            && (seen & 4) == 0
            && (kind == null || ManifestReader.LIST_KINDS.contains(kind))
            && parser.currentToken() == JsonToken.FIELD_NAME
            && parser.nextToken() == JsonToken.START_ARRAY) {
          seen |= 4;
          list = true;
          if (!items(at)) {
            return false;
          }
          tokens.startObject(); // back in the top-level object
        } else if (list) {
          skipCurrentOrNext();
        } else if (apiVersion != null
            && kind != null
            && SnapshotBinder.binds(apiVersion, kind)
            && parser.currentToken() == JsonToken.FIELD_NAME) {
          KubernetesObject o = binder.bind(apiVersion, kind, key);
          bound(o, at, endOffset());
          return true;
        } else {
          JsonToken value = parser.currentToken();
          if (value != null && value.isStructStart()) {
            parser.skipChildren(); // an apiVersion, kind or items that is no string or array
          }
          throw Anomaly.INSTANCE;
        }
      }
    } catch (Anomaly a) {
      return tokens.failure() == null && skipAndReadAgain(at, false, 0);
    }
    long end = endOffset();
    if (list && ManifestReader.LIST_KINDS.contains(kind)) {
      return true;
    }
    if (!list && apiVersion != null && kind != null && SnapshotBinder.binds(apiVersion, kind)) {
      bound(binder.bind(apiVersion, kind, null), at, end);
      return true;
    }
    if (list) {
      out.reset(document); // not a List after all: one document
    }
    again(at, end, false);
    return true;
  }

  /** The first item of the current List that could not be read, and what was said about it. */
  private @Nullable List<Diagnostic> unreadable;

  private int unreadableItem;

  /** The items of a List, each a document. False on a syntax error. */
  private boolean items(Position list) throws IOException {
    unreadable = null;
    int number = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null) {
        return false; // the input ends inside the list: Jackson has said why
      }
      int item = number++;
      Position at = position();
      if (at.offset - list.offset > maxObjectSize) {
        window.keepFrom(at.offset); // the List is too long to read again whole: it must be a List
      }
      if (unreadable != null || t != JsonToken.START_OBJECT) {
        if (t.isStructStart()) {
          parser.skipChildren();
        }
        if (unreadable == null) {
          again(at, t.isStructStart() ? endOffset() : valueEnd(at), true, item);
        }
      } else {
        tokens.startObject();
        KubernetesObject o;
        try {
          o = binder.object();
        } catch (Anomaly a) {
          if (tokens.failure() != null || !skipAndReadAgain(at, true, item)) {
            return false;
          }
          continue;
        }
        bound(o, at, endOffset());
      }
      if (stopped) {
        return true;
      }
    }
    List<Diagnostic> failure = unreadable;
    if (failure != null) {
      out.unreadableList(document, unreadableItem, failure);
    }
    return true;
  }

  /**
   * After an anomaly: the rest of the object skipped, the whole read again by the full reader;
   * false if the input is not JSON up to its end.
   */
  private boolean skipAndReadAgain(Position at, boolean item, int number) {
    try {
      tokens.skipRest();
    } catch (Anomaly a) {
      return false;
    }
    again(at, endOffset(), item, number);
    return true;
  }

  /** A bound object, unless it is larger than one object may be. */
  private void bound(KubernetesObject o, Position at, long end) {
    if (end - at.offset > maxObjectSize && tooLarge(at, end)) {
      return;
    }
    int index = out.next++;
    out.documents.add(
        new Document(
            index, o, new SourceMap(Map.of(), Map.of(), Span.at(index, at.line, at.column))));
  }

  private void again(Position at, long end, boolean item) {
    again(at, end, item, 0);
  }

  /** Reads the value from {@code at} to {@code end} again with the full reader. */
  private void again(Position at, long end, boolean item, int number) {
    if (end - at.offset > maxObjectSize && tooLarge(at, end)) {
      return;
    }
    Collected.Mark before = out.mark();
    FullRead.Outcome outcome =
        full.read(
            window.buffer(),
            window.index(at.offset),
            window.index(end),
            at.offset,
            true,
            item,
            at.line,
            at.column,
            out);
    if (outcome == FullRead.Outcome.NOT_TEXT) {
      out.notText(out.diagnostics.get(out.diagnostics.size() - 1));
      stopped = true;
    } else if (outcome != FullRead.Outcome.READ && item && unreadable == null) {
      unreadable = out.since(before);
      unreadableItem = number;
    }
  }

  /**
   * True (after reporting it) if the value from {@code at} to {@code end} is longer than the object
   * limit in characters, as the full reader measures it; a value whose bytes are no longer at hand
   * is.
   */
  private boolean tooLarge(Position at, long end) {
    long chars;
    if (window.lost(at.offset)) {
      chars = end - at.offset;
    } else {
      chars = 0;
      for (long i = at.offset; i < end; i++) {
        int b = window.at(i) & 0xFF;
        if ((b & 0xC0) != 0x80) {
          chars += b >= 0xF0 ? 2 : 1; // a four-byte sequence is two chars
        }
      }
      if (chars <= maxObjectSize) {
        return false;
      }
    }
    int index = out.next++;
    out.diagnostics.add(
        new Diagnostic(
            Severity.ERROR,
            ReaderCode.DOCUMENT_TOO_LARGE.id(),
            "",
            (window.lost(at.offset) ? "this object is more than " : "this object is ")
                + chars
                + " characters long, more than the limit of "
                + maxObjectSize
                + " for one object",
            Span.at(index, at.line, at.column)));
    return true;
  }

  /** The end of a scalar item that starts at {@code at}: just before the next token. */
  private long valueEnd(Position at) throws IOException {
    parser.finishToken(); // a string is parsed lazily: read on to its closing quote
    JsonLocation l = parser.currentLocation();
    return Math.max(at.offset + 1, start + l.getByteOffset());
  }

  private @Nullable String nextKey() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.FIELD_NAME) {
      return parser.currentName();
    }
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    throw Anomaly.INSTANCE;
  }

  /** Reads the value after a key: true if it is a string (else the parser stays on it). */
  private boolean nextIsString() throws IOException {
    return parser.nextToken() == JsonToken.VALUE_STRING;
  }

  /** Skips the value the parser is on, or the one after the key it is on. */
  private void skipCurrentOrNext() throws IOException {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.FIELD_NAME) {
      t = parser.nextToken();
    }
    if (t != null && t.isStructStart()) {
      parser.skipChildren();
    }
  }

  /**
   * The input cannot be read on: one diagnostic for the top-level document it is in, which yields
   * nothing. Bytes that are not UTF-8 text reject the whole input, as with the full reader; a
   * string, number or nesting beyond the limits is reported as the full reader reports it.
   */
  private void error(@Nullable JsonProcessingException e) {
    out.reset(document);
    String message =
        e == null
            ? "the input ends inside a value"
            : e.getOriginalMessage().strip().replaceAll("\\s+", " ");
    JsonLocation l = e == null ? null : e.getLocation();
    int line = l == null ? 1 : Math.max(1, l.getLineNr());
    int column = l == null ? 1 : charColumn(l);
    String code = ReaderCode.JSON_SYNTAX.id();
    String text = "invalid JSON: " + message;
    // Jackson calls U+0080 to U+009F control characters; of those, the full reader takes U+0085
    // (next line) for text, so there it is a syntax error like any other wrong character
    Matcher control = CONTROL.matcher(message);
    if (control.find() && !control.group(1).equals("133")) {
      out.notText(
          ManifestReader.controlCharacterAt(Integer.parseInt(control.group(1)), line, column));
      return;
    }
    if (message.startsWith("Invalid UTF-8")) {
      out.notText(
          new Diagnostic(
              Severity.ERROR,
              ReaderCode.INVALID_ENCODING.id(),
              "",
              "the input is not UTF-8 text ("
                  + message
                  + "): it is binary or corrupt, not a manifest",
              new Span(0, line, column, line, column + 1)));
      return;
    }
    if (e instanceof StreamConstraintsException) {
      code =
          message.contains("nesting depth")
              ? ReaderCode.NESTING_TOO_DEEP.id()
              : message.contains("Number")
                  ? ReaderCode.NUMBER_TOO_LONG.id()
                  : ReaderCode.STRING_TOO_LONG.id();
      text = "beyond the reading limits: " + message;
    }
    out.diagnostics.add(
        new Diagnostic(Severity.ERROR, code, "", text, Span.at(out.next++, line, column)));
  }

  /**
   * The column of an error as the full reader counts it, in code points: Jackson's byte parser
   * counts bytes. Its location is a byte on the line ({@code column} bytes in, counting from 1);
   * the characters before the one that byte belongs to are counted from the line's start, if the
   * window still has it.
   */
  private int charColumn(JsonLocation l) {
    int bytes = Math.max(1, l.getColumnNr());
    if (l.getByteOffset() < 0) {
      return bytes;
    }
    long at = start + l.getByteOffset();
    long lineStart = at - (bytes - 1);
    if (lineStart < start || window.lost(lineStart)) {
      return bytes;
    }
    while (at > lineStart && window.has(at) && (window.at(at) & 0xC0) == 0x80) {
      at--; // back to the first byte of its character
    }
    int chars = 1;
    for (long i = lineStart; i < at && window.has(i); i++) {
      int b = window.at(i) & 0xFF;
      if ((b & 0xC0) != 0x80) {
        chars++; // one code point, as the full reader counts columns
      }
    }
    return chars;
  }
}
