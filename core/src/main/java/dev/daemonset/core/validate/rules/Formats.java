package dev.daemonset.core.validate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The format checks of apimachinery's {@code pkg/util/validation}, worded as Kubernetes 1.35 words
 * them. Each check answers the list of messages (empty when the value is valid); a value can fail
 * several ways at once, and upstream reports each message as its own field error.
 */
final class Formats {
  private Formats() {}

  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  static final String PERCENT_FMT = "[0-9]+%";

  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);

  private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case "
      + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower "
      + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', "
      + "and must start and end with an alphanumeric character";
  private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of "
      + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final String PERCENT_MSG =
      "a valid percent string must be a numeric string followed by an ending '%'";

  static final String NEGATIVE = "must be greater than or equal to 0";
  static final String IMMUTABLE = "field is immutable";

  /** Go's {@code len}: the UTF-8 byte length. */
  static int byteLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** {@code RegexError}: the message, the examples (each followed by {@code ', '}, joined by {@code " or "}), the regex. */
  static String regexError(String msg, String regex, String... examples) {
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

  static String maxLenChars(int max) {
    return "must be no more than " + max + " characters";
  }

  static String maxLenBytes(int max) {
    return "must be no more than " + max + " bytes";
  }

  static String inclusiveRange(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  static List<String> dns1123Label(String value) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 63) {
      errs.add(maxLenChars(63));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  static final String DNS1123_SUBDOMAIN_UNDERSCORE_FMT =
      "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN_UNDERSCORE = Pattern.compile(DNS1123_SUBDOMAIN_UNDERSCORE_FMT);

  /** {@code IsDNS1123SubdomainWithUnderscore} (DNS search paths, relaxed validation). */
  static List<String> dns1123SubdomainWithUnderscore(String value) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 253) {
      errs.add(maxLenChars(253));
    }
    if (!DNS1123_SUBDOMAIN_UNDERSCORE.matcher(value).matches()) {
      errs.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' "
          + "or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_UNDERSCORE_FMT, "example.com"));
    }
    return errs;
  }

  static List<String> dns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 253) {
      errs.add(maxLenChars(253));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /**
   * {@code NameIsDNSSubdomain}: with {@code prefix} (a generateName), a trailing dash is masked
   * first; upstream replaces the last two characters by {@code a}.
   */
  static List<String> nameIsDnsSubdomain(String value, boolean prefix) {
    String v = value;
    if (prefix && v.length() > 1 && v.endsWith("-")) {
      v = v.substring(0, v.length() - 2) + "a";
    }
    return dns1123Subdomain(v);
  }

  /** {@code IsQualifiedName} in its 1.35 wording (lengths of the name part in bytes). */
  static List<String> qualifiedName(String value) {
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
        errs.add("a valid label key " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (byteLength(name) > 63) {
      errs.add("name part " + maxLenBytes(63));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** Annotation keys: a qualified name once lower-cased. */
  static List<String> annotationKey(String key) {
    return qualifiedName(key.toLowerCase(Locale.ROOT));
  }

  static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(value) > 63) {
      errs.add(maxLenBytes(63));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  static List<String> percent(String value) {
    return PERCENT.matcher(value).matches()
        ? List.of()
        : List.of(regexError(PERCENT_MSG, PERCENT_FMT, "1%", "93%"));
  }

  /** {@code ValidatePositiveIntOrPercent}: an integer must be non-negative, a string a percent. */
  static List<String> intOrPercent(dev.daemonset.api.model.IntOrString v) {
    if (v.isInt()) {
      return v.intValue() < 0 ? List.of(NEGATIVE) : List.of();
    }
    return percent(v.stringValue());
  }

  static List<String> portNumber(long port) {
    return port < 1 || port > 65535 ? List.of(inclusiveRange(1, 65535)) : List.of();
  }

  /** {@code IsValidPortName}: an IANA service name. */
  static List<String> portName(String port) {
    List<String> errs = new ArrayList<>(2);
    if (byteLength(port) > 15) {
      errs.add(maxLenChars(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(port).matches()) {
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
