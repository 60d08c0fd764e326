package dev.daemonset.core.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * JSON's own escapes plus {@code \}{@code uXXXX} for the characters that YAML readers treat
 * specially (DEL, the C1 controls, the line and paragraph separators, the byte-order mark), so that
 * the JSON {@link ManifestWriter} writes is also read right by a YAML reader.
 */
final class JsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  private final int[] ascii;

  JsonEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7F] = ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii.clone();
  }

  @Override
  public @Nullable SerializableString getEscapeSequence(int ch) {
    if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF) {
      return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
    }
    return null;
  }
}
