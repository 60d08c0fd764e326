package dev.daemonset.core.internal.snapshot;

/**
 * A pull stream of one object's JSON tokens, already typed as kubectl types them, for {@link
 * SnapshotBinder}. JSON comes from Jackson's streaming parser; YAML from the block scanner of the
 * read package, which types plain scalars with {@code YamlScalars} exactly as the full reader does.
 *
 * <p>A source that meets anything it does not read quickly (a tag, an anchor, a YAML scalar that
 * kubectl would warn about, a syntax error) throws {@link Anomaly}: the caller then reads the whole
 * object with the full reader. Not thread-safe.
 */
public interface Tokens {

  /** What {@link #next()} found. */
  enum Token {
    START_MAP,
    END_MAP,
    START_LIST,
    END_LIST,
    /** A map key; {@link #key()} names it. */
    KEY,
    /** A string; {@link #text()} holds it. */
    STRING,
    /** A number; {@link #text()} holds its literal. */
    NUMBER,
    TRUE,
    FALSE,
    NULL
  }

  /**
   * The next token.
   *
   * @throws Anomaly where the fast path stops
   */
  Token next();

  /** The key of the last {@link Token#KEY} (shared instances: keys repeat). */
  String key();

  /** The text of the last {@link Token#STRING} or {@link Token#NUMBER}. */
  String text();

  /**
   * Skips the value that follows a key (or the next list item): a scalar, or a map or list with
   * everything in it, without typing or keeping any of it.
   *
   * @throws Anomaly where the fast path stops
   */
  void skipValue();
}
