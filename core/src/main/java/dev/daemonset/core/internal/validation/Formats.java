package dev.daemonset.core.internal.validation;

import dev.daemonset.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The format checks of apimachinery's {@code pkg/util/validation} ({@code IsDNS1123Label}, {@code
 * IsDNS1123Subdomain}, {@code IsQualifiedName}, {@code IsValidLabelValue}, {@code IsValidPercent},
 * {@code IsValidPortNum}, {@code IsValidPortName}), worded as Kubernetes 1.35 words them: their one
 * home, used by validation, constraint validators and the planner's selector parsing alike. Each
 * check answers the list of messages (empty when the value is valid); a value can fail several ways
 * at once, and upstream reports each message as its own field error.
 */
public final class Formats {
  private Formats() {}

  public static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  public static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  public static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  public static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  public static final String PERCENT_FMT = "[0-9]+%";

  // The formats are matched by hand rather than with java.util.regex: they are simple, and the
  // regex engine recurses per repetition, which a hostile megabyte-long value turns into a
  // StackOverflowError. Each matcher below is equivalent to the regex named beside it.

  private static boolean lowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean alnum(char c) {
    return lowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }

  /**
   * {@link #DNS1123_LABEL_FMT}; with {@code underscore}, {@code _?[a-z0-9]([-_a-z0-9]*[a-z0-9])?}.
   */
  private static boolean isLabel(String s, int from, int to, boolean underscore) {
    if (underscore && from < to && s.charAt(from) == '_') {
      from++;
    }
    if (from >= to || !lowerAlnum(s.charAt(from)) || !lowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!lowerAlnum(c) && c != '-' && !(underscore && c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabel(String s) {
    return isLabel(s, 0, s.length(), false);
  }

  /** {@link #DNS1123_SUBDOMAIN_FMT} (or its underscore variant): labels joined by dots. */
  private static boolean isSubdomain(String s, boolean underscore) {
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (!isLabel(s, start, i, underscore)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@link #QUALIFIED_NAME_FMT}. */
  private static boolean isQualifiedNamePart(String s) {
    if (s.isEmpty() || !alnum(s.charAt(0)) || !alnum(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case "
          + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower "
          + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', "
          + "and must start and end with an alphanumeric character";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of "
          + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final String PERCENT_MSG =
      "a valid percent string must be a numeric string followed by an ending '%'";

  public static final String NEGATIVE = "must be greater than or equal to 0";
  public static final String IMMUTABLE = "field is immutable";

  /** Go's {@code len}: the UTF-8 byte length. */
  public static int byteLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        // Three bytes, also for an unpaired surrogate (a JSON "\ud800"): Go decodes it as U+FFFD.
        n += 3;
      }
    }
    return n;
  }

  /**
   * {@code byteLength(s) <= limit}, without counting when the string is short enough that it must
   * hold (UTF-8 needs at most three bytes per char).
   */
  public static boolean fitsBytes(String s, long limit) {
    return s.length() * 3L <= limit || byteLength(s) <= limit;
  }

  /**
   * {@code RegexError}: the message, the examples (each followed by {@code ', '}, joined by {@code
   * " or "}), the regex.
   */
  public static String regexError(String msg, String regex, String... examples) {
    StringBuilder b = new StringBuilder(msg);
    if (examples.length == 0) {
      return b.append(" (regex used for validation is '").append(regex).append("')").toString();
    }
    b.append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(regex).append("')").toString();
  }

  public static String maxLenChars(int max) {
    return "must be no more than " + max + " characters";
  }

  public static String maxLenBytes(int max) {
    return "must be no more than " + max + " bytes";
  }

  public static String inclusiveRange(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  public static List<String> dns1123Label(String value) {
    if (fitsBytes(value, 63) && isLabel(value)) {
      return List.of(); // the common case, without a list to fill
    }
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 63) {
      errs.add(maxLenChars(63));
    }
    if (!isLabel(value)) {
      if (isSubdomain(value, false)) {
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  public static final String DNS1123_SUBDOMAIN_UNDERSCORE_FMT =
      "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";

  /** {@code IsDNS1123SubdomainWithUnderscore} (DNS search paths, relaxed validation). */
  public static List<String> dns1123SubdomainWithUnderscore(String value) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 253) {
      errs.add(maxLenChars(253));
    }
    if (!isSubdomain(value, true)) {
      errs.add(
          regexError(
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' "
                  + "or '.', and must start and end with an alphanumeric character",
              DNS1123_SUBDOMAIN_UNDERSCORE_FMT,
              "example.com"));
    }
    return errs;
  }

  public static List<String> dns1123Subdomain(String value) {
    if (fitsBytes(value, 253) && isSubdomain(value, false)) {
      return List.of();
    }
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 253) {
      errs.add(maxLenChars(253));
    }
    if (!isSubdomain(value, false)) {
      errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /**
   * {@code NameIsDNSSubdomain}: with {@code prefix} (a generateName), a trailing dash is masked
   * first; upstream replaces the last two characters by {@code a}.
   */
  public static List<String> nameIsDnsSubdomain(String value, boolean prefix) {
    String v = value;
    if (prefix && v.length() > 1 && v.endsWith("-")) {
      v = v.substring(0, v.length() - 2) + "a";
    }
    return dns1123Subdomain(v);
  }

  /** {@code IsQualifiedName} in its 1.35 wording (lengths of the name part in bytes). */
  public static List<String> qualifiedName(String value) {
    if (isQualifiedName(value)) {
      return List.of(); // the common case, without splitting
    }
    List<String> errs = new ArrayList<>(3);
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1:
        name = parts[0];
        break;
      case 2:
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part must be non-empty");
        } else {
          for (String msg : dns1123Subdomain(prefix)) {
            errs.add("prefix part " + msg);
          }
        }
        break;
      default:
        errs.add(
            "a valid label key "
                + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (byteLength(name) > 63) {
      errs.add("name part " + maxLenBytes(63));
    }
    if (!isQualifiedNamePart(name)) {
      errs.add(
          "name part "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** True exactly when {@link #qualifiedName} finds nothing wrong. */
  public static boolean isQualifiedName(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      return isQualifiedNamePart(value) && fitsBytes(value, 63);
    }
    if (slash == 0 || value.indexOf('/', slash + 1) >= 0) {
      return false;
    }
    String prefix = value.substring(0, slash);
    String name = value.substring(slash + 1);
    return fitsBytes(prefix, 253)
        && isSubdomain(prefix, false)
        && isQualifiedNamePart(name)
        && fitsBytes(name, 63);
  }

  /** Annotation keys: a qualified name once lower-cased. */
  public static List<String> annotationKey(String key) {
    return qualifiedName(key.toLowerCase(Locale.ROOT));
  }

  /** True exactly when {@link #labelValue} finds nothing wrong. */
  public static boolean isLabelValue(String value) {
    return fitsBytes(value, 63) && (value.isEmpty() || isQualifiedNamePart(value));
  }

  public static List<String> labelValue(String value) {
    if (isLabelValue(value)) {
      return List.of();
    }
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 63) {
      errs.add(maxLenBytes(63));
    }
    if (!value.isEmpty() && !isQualifiedNamePart(value)) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  public static List<String> percent(String value) {
    return IntOrString.of(value).isPercent() // {@link #PERCENT_FMT}
        ? List.of()
        : List.of(regexError(PERCENT_MSG, PERCENT_FMT, "1%", "93%"));
  }

  /** {@code ValidatePositiveIntOrPercent}: an integer must be non-negative, a string a percent. */
  public static List<String> intOrPercent(IntOrString v) {
    if (v.isInt()) {
      return v.intValue() < 0 ? List.of(NEGATIVE) : List.of();
    }
    return percent(v.stringValue());
  }

  public static List<String> portNumber(long port) {
    return port < 1 || port > 65535 ? List.of(inclusiveRange(1, 65535)) : List.of();
  }

  /** {@code IsValidPortName}: an IANA service name. */
  public static List<String> portName(String port) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(port) > 15) {
      errs.add(maxLenChars(15));
    }
    if (port.isEmpty() || !port.chars().allMatch(c -> lowerAlnum((char) c) || c == '-')) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (port.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }
}
