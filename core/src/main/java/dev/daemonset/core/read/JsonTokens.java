package dev.daemonset.core.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.daemonset.core.internal.snapshot.Anomaly;
import dev.daemonset.core.internal.snapshot.Strings;
import dev.daemonset.core.internal.snapshot.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * {@link Tokens} from Jackson's streaming parser. Jackson already shares field names (its symbol
 * table); string values are shared through {@link Strings} from Jackson's own character buffer, so
 * a repeated value costs no allocation. A syntax error becomes an {@link Anomaly}, with the
 * exception kept for the caller ({@link #failure()}).
 */
final class JsonTokens implements Tokens {
  private final JsonParser parser;
  private final Strings strings;
  private @Nullable JsonProcessingException failure;

  /** How deep in the current object the last token is (1 inside its braces). */
  private int depth;

  JsonTokens(JsonParser parser, Strings strings) {
    this.parser = parser;
    this.strings = strings;
  }

  @Override
  public Token next() {
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (IOException e) {
      throw failed(e);
    }
    if (t == null) {
      throw Anomaly.INSTANCE; // the input ended inside the object
    }
    return switch (t) {
      case START_OBJECT -> {
        depth++;
        yield Token.START_MAP;
      }
      case END_OBJECT -> {
        depth--;
        yield Token.END_MAP;
      }
      case START_ARRAY -> {
        depth++;
        yield Token.START_LIST;
      }
      case END_ARRAY -> {
        depth--;
        yield Token.END_LIST;
      }
      case FIELD_NAME -> Token.KEY;
      case VALUE_STRING -> Token.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Token.NUMBER;
      case VALUE_TRUE -> Token.TRUE;
      case VALUE_FALSE -> Token.FALSE;
      case VALUE_NULL -> Token.NULL;
      default -> throw Anomaly.INSTANCE;
    };
  }

  @Override
  public String key() {
    try {
      return parser.currentName();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public String text() {
    try {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return strings.of(
            parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      }
      return parser.getText();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void skipValue() {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) {
        throw Anomaly.INSTANCE;
      }
      if (t.isStructStart()) {
        parser.skipChildren();
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Starts an object whose opening brace the parser has just read. */
  void startObject() {
    depth = 1;
  }

  /**
   * After an anomaly: reads on to the end of the object (for the full reader to read it again).
   *
   * @throws Anomaly if the input is not JSON up to there ({@link #failure()} says why)
   */
  void skipRest() {
    try {
      while (depth > 0) {
        JsonToken t = parser.nextToken();
        if (t == null) {
          throw Anomaly.INSTANCE;
        }
        if (t.isStructStart()) {
          parser.skipChildren();
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** The syntax error behind the last anomaly, if it was one. */
  @Nullable JsonProcessingException failure() {
    return failure;
  }

  /**
   * A syntax error is kept and becomes an anomaly (the caller reports it); a failing stream is the
   * caller's to know about.
   */
  private RuntimeException failed(IOException e) {
    if (e instanceof JsonProcessingException syntax) {
      failure = syntax;
      return Anomaly.INSTANCE;
    }
    throw new UncheckedIOException(e);
  }
}
