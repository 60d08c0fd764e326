package dev.daemonset.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a person writes and reads them: {@code 30s}, {@code 1h30m}, {@code 500ms}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code 30s}, {@code 1m30s}, {@code 2h}, {@code 500ms}, a plain number of seconds, or an
   * ISO-8601 duration ({@code PT30S}); throws IllegalArgumentException naming the text otherwise.
   */
  static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: '" + text + "'", e);
      }
    }
    if (t.matches("\\d+(\\.\\d+)?")) {
      return millis(Double.parseDouble(t) * 1000, text);
    }
    Matcher m = PART.matcher(t);
    int end = 0;
    double ms = 0;
    while (m.find() && m.start() == end) {
      double v = Double.parseDouble(m.group(1));
      ms +=
          switch (m.group(2)) {
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 86_400_000;
          };
      end = m.end();
    }
    if (end == 0 || end != t.length()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (write 30s, 1m30s, 2h or 500ms)");
    }
    return millis(ms, text);
  }

  private static Duration millis(double ms, String text) {
    if (ms > Long.MAX_VALUE / 2.0) {
      throw new IllegalArgumentException("duration too long: '" + text + "'");
    }
    return Duration.ofMillis(Math.round(ms));
  }

  /** {@code 8m 28.4s}, {@code 45s}, {@code 2h 3m}: the two largest units, seconds to 0.1. */
  static String human(Duration d) {
    long ms = d.toMillis();
    long h = ms / 3_600_000;
    long m = ms / 60_000 % 60;
    double s = ms % 60_000 / 1000.0;
    String sec =
        s == Math.floor(s) ? Long.toString((long) s) + "s" : String.format(Locale.ROOT, "%.1fs", s);
    if (h > 0) {
      return h + "h " + m + "m";
    }
    if (m > 0) {
      return m + "m " + sec;
    }
    return sec;
  }

  /** Seconds as JSON prints them: an integer when whole, else with up to 3 decimals. */
  static Number seconds(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return ms / 1000;
    }
    return ms / 1000.0;
  }
}
