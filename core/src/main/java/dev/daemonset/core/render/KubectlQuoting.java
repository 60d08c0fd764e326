package dev.daemonset.core.render;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.core.internal.tree.YamlScalars;
import dev.daemonset.core.read.ReadLimits;
import java.util.regex.Pattern;

/**
 * Which strings {@link ManifestWriter} quotes in YAML: every one that kubectl, or another common
 * YAML reader, would read as something other than the same string if it were written plain.
 *
 * <p>kubectl reads plain scalars as go-yaml v2 does ({@link YamlScalars#resolvePlain}): the YAML
 * 1.1 booleans ({@code yes}, {@code on}, {@code y}, {@code N}, ...), null ({@code ~}, {@code
 * null}), numbers in every base and with underscores ({@code 0640}, {@code 0x1F}, {@code 0o17},
 * {@code 0b101}, {@code 1_000}, {@code 1e3}, {@code .5}) and the non-finite floats ({@code .inf},
 * {@code .nan}). Strings that kubectl keeps as strings but YAML 1.1 readers would not are quoted
 * too: base-60 numbers ({@code 1:20}), timestamps ({@code 2001-12-14}) and whatever looks like a
 * number ({@code 0o17x}: a reader's limit on number literals must not meet it). So is everything
 * that is not a valid plain scalar at all: a leading indicator ({@code - ? : , [ ] { } # & * ! | >
 * ' " % @ `}), {@code ": "} or {@code " #"} inside, a trailing colon or space, the merge key {@code
 * <<}, a document marker, control and format characters, and strings longer than 200 characters (a
 * plain scalar that long is hard to read and easy to break when edited).
 */
final class KubectlQuoting extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;

  /** YAML 1.1's timestamp: a date, optionally with a time and zone. */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
              + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
              + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");

  @Override
  public boolean needToQuoteName(String name) {
    return !plainIsSafe(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return !plainIsSafe(value);
  }

  /** True when {@code s} written plain is read back as the string {@code s} by every reader. */
  static boolean plainIsSafe(String s) {
    if (s.isEmpty()
        || s.length() > 200
        || YamlScalars.NON_FINITE.contains(s)
        || !(YamlScalars.resolvePlain(s) instanceof JsonValue.Str)
        || YamlScalars.ambiguity(s, JsonValue.of(s)) != null
        || TIMESTAMP.matcher(s).matches()
        || (s.length() > ReadLimits.DEFAULTS.maxNumberLength() && YamlScalars.looksNumeric(s))) {
      return false;
    }
    char c = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(c) >= 0
        || s.endsWith(" ")
        || s.endsWith(":")
        || s.contains(": ")
        || s.contains(" #")
        || s.equals("<<")
        || s.startsWith("...")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20
          || ch == 0x7F
          || (ch >= 0x80 && ch <= 0x9F)
          || ch == '\uFEFF'
          || ch == '\u2028'
          || ch == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
