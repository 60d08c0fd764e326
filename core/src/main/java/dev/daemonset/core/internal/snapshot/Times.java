package dev.daemonset.core.internal.snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3339 timestamps as the full reader reads them ({@link OffsetDateTime#parse}), several times
 * faster for the form the API server writes ({@code 2026-11-28T10:00:00Z}): a cluster snapshot
 * holds a few timestamps per object, and the general parser costs more than the rest of the object.
 */
public final class Times {
  private Times() {}

  /**
   * The instant {@code s} names, or null if {@link OffsetDateTime#parse} rejects it. Other forms
   * than {@code yyyy-MM-ddTHH:mm:ssZ} (fractions, offsets, lower case) go to it.
   */
  public static @Nullable Instant parse(String s) {
    if (s.length() == 20
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(19) == 'Z') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= length(month, year)
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59) {
        return Instant.ofEpochSecond(
            epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second);
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The number of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int length(int month, int year) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Days since 1970-01-01, as {@link java.time.LocalDate#toEpochDay()} counts them. */
  private static long epochDay(long year, int month, int day) {
    long total = 365 * year;
    if (year >= 0) {
      total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - 719_528L;
  }
}
