package dev.daemonset.core.internal.tree;

import dev.daemonset.api.model.JsonValue;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Types plain YAML scalars exactly as kubectl does.
 *
 * <p>kubectl turns YAML into JSON with sigs.k8s.io/yaml, which decodes with its fork of go-yaml v2
 * ({@code kubernetes-sigs/yaml}, {@code goyaml.v2/resolve.go}, function {@code resolve}, read at
 * commit 742f5e6f06b9). That resolver is YAML 1.1-flavoured:
 *
 * <ul>
 *   <li>the first character picks a hint: {@code + -} sign, digits, one of {@code yYnNtTfFoO~}
 *       (look up in a table), {@code .} (float); anything else is a string;
 *   <li>the table: {@code y Y yes Yes YES true True TRUE on On ON} are {@code true}; {@code n N no
 *       No NO false False FALSE off Off OFF} are {@code false}; {@code "" ~ null Null NULL} are
 *       null; {@code .nan .inf +.inf -.inf} (three casings) are floats; {@code <<} is the merge
 *       key;
 *   <li>otherwise, after removing every {@code _}: Go's {@code strconv.ParseInt(s, 0, 64)} (so
 *       {@code 0x1F} is hex, {@code 0777} is octal, {@code 0o17} and {@code 0b101} too), then
 *       {@code ParseUint}, then a float matching {@code
 *       ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$}, then an unsigned integer too large
 *       for 64 bits as a big integer; everything else is a string. Base-60 numbers ({@code 1:20})
 *       are deliberately strings. Timestamps stay strings when decoded into an untyped value, which
 *       is what sigs.k8s.io/yaml does.
 * </ul>
 *
 * <p>Quoted and block scalars are always strings; explicit tags are handled by the caller.
 */
public final class YamlScalars {
  private YamlScalars() {}

  private static final Map<String, JsonValue> TABLE =
      Map.ofEntries(
          Map.entry("y", JsonValue.of(true)),
          Map.entry("Y", JsonValue.of(true)),
          Map.entry("yes", JsonValue.of(true)),
          Map.entry("Yes", JsonValue.of(true)),
          Map.entry("YES", JsonValue.of(true)),
          Map.entry("true", JsonValue.of(true)),
          Map.entry("True", JsonValue.of(true)),
          Map.entry("TRUE", JsonValue.of(true)),
          Map.entry("on", JsonValue.of(true)),
          Map.entry("On", JsonValue.of(true)),
          Map.entry("ON", JsonValue.of(true)),
          Map.entry("n", JsonValue.of(false)),
          Map.entry("N", JsonValue.of(false)),
          Map.entry("no", JsonValue.of(false)),
          Map.entry("No", JsonValue.of(false)),
          Map.entry("NO", JsonValue.of(false)),
          Map.entry("false", JsonValue.of(false)),
          Map.entry("False", JsonValue.of(false)),
          Map.entry("FALSE", JsonValue.of(false)),
          Map.entry("off", JsonValue.of(false)),
          Map.entry("Off", JsonValue.of(false)),
          Map.entry("OFF", JsonValue.of(false)),
          Map.entry("", JsonValue.NULL),
          Map.entry("~", JsonValue.NULL),
          Map.entry("null", JsonValue.NULL),
          Map.entry("Null", JsonValue.NULL),
          Map.entry("NULL", JsonValue.NULL));

  /** The first characters of the table's names (go-yaml's resolve hint for the table). */
  private static final String TABLE_FIRST = firstCharacters(TABLE.keySet());

  /** The length of the table's longest name. */
  private static final int TABLE_LONGEST =
      TABLE.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static String firstCharacters(Set<String> names) {
    StringBuilder first = new StringBuilder();
    for (String name : names) {
      if (!name.isEmpty() && first.indexOf(name.substring(0, 1)) < 0) {
        first.append(name.charAt(0));
      }
    }
    return first.toString();
  }

  /** Floats that JSON cannot hold: kubectl fails on them ("json: unsupported value"). */
  public static final Set<String> NON_FINITE =
      Set.of(
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
          "-.Inf", "-.INF");

  /**
   * True if {@code in} is one of {@link #NON_FINITE}; the length and first-character tests spare
   * hashing every scalar of a document (those names are 4 or 5 characters and start with '.', '+'
   * or '-').
   */
  public static boolean isNonFinite(String in) {
    if (in.length() < 4 || in.length() > 5) {
      return false;
    }
    char first = in.charAt(0);
    return (first == '.' || first == '+' || first == '-') && NON_FINITE.contains(in);
  }

  private static final Set<String> YAML12_BOOLEANS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern NUMBERISH = Pattern.compile("[-+]?[0-9._][0-9a-fA-FxXoO_.+\\-]*");

  /** YAML 1.1's base-60 integers (a leading 1-9) and floats (any digit, then a '.'). */
  private static final Pattern SEXAGESIMAL =
      Pattern.compile("[-+]?([1-9][0-9_]*(:[0-5]?[0-9])+|[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*)");

  /** What the YAML 1.2 core schema reads as a number (int, octal, hex or float). */
  private static final Pattern YAML12_NUMBER =
      Pattern.compile(
          "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** A YAML 1.1 octal literal as kubectl reads it (a leading 0, then octal digits). */
  private static final Pattern LEGACY_OCTAL = Pattern.compile("[-+]?0[0-7]+");

  /** True if {@code in} looks like a number literal (used to apply the length limit first). */
  public static boolean looksNumeric(String in) {
    return NUMBERISH.matcher(in).matches();
  }

  /**
   * The Go type go-yaml v2 decodes a scalar to. sigs.k8s.io/yaml writes every type but {@link
   * #NULL}, {@link #UINT64} and {@link #BIG_INT} as a map key (and fails on those three).
   */
  public enum GoType {
    STRING,
    BOOL,
    NULL,
    /** {@code int}: fits 64 signed bits. */
    INT,
    /** {@code uint64}: from 2^63 to 2^64-1, written without a sign. */
    UINT64,
    /** {@code *big.Int}: an unsigned hexadecimal, octal or binary literal past 64 bits. */
    BIG_INT,
    /** {@code float64}, including the infinities and NaN. */
    FLOAT
  }

  /**
   * A resolved scalar.
   *
   * @param type the Go type
   * @param json the JSON value kubectl writes (a non-finite float, which JSON cannot hold, as the
   *     string of its literal)
   * @param number the float64, for {@link GoType#FLOAT}; else 0
   */
  public record Resolved(GoType type, JsonValue json, double number) {
    public Resolved {
      java.util.Objects.requireNonNull(type, "type");
      java.util.Objects.requireNonNull(json, "json");
    }

    /** True for a float JSON cannot hold: an infinity or NaN. */
    public boolean nonFinite() {
      return type == GoType.FLOAT && (Double.isInfinite(number) || Double.isNaN(number));
    }

    /** This integer as the float64 go-yaml makes of it under a {@code !!float} tag. */
    public Resolved toFloat() {
      return goFloat(((JsonValue.Num) json).decimal().doubleValue());
    }

    /**
     * The JSON key sigs.k8s.io/yaml makes of this scalar ({@code convertToJSONableObject}): strings
     * as they are, booleans as {@code true}/{@code false}, integers in decimal, floats as Go's
     * {@code FormatFloat(f, 'g', -1, 32)} ({@code .inf}, {@code -.inf}, {@code .nan} for the
     * non-finite); null when it fails on the key (null, uint64 and big integers).
     */
    public @Nullable String key() {
      return switch (type) {
        case STRING -> ((JsonValue.Str) json).value();
        case BOOL, INT -> json.toString();
        case FLOAT -> GoFloats.key(number);
        default -> null;
      };
    }
  }

  private static final Resolved NULL = new Resolved(GoType.NULL, JsonValue.NULL, 0);
  private static final Resolved TRUE = new Resolved(GoType.BOOL, JsonValue.of(true), 0);
  private static final Resolved FALSE = new Resolved(GoType.BOOL, JsonValue.of(false), 0);

  /**
   * The JSON value kubectl reads for the plain scalar {@code in}. Non-finite floats come back as
   * strings; callers check {@link #NON_FINITE} first.
   */
  public static JsonValue resolvePlain(String in) {
    return resolve(in).json();
  }

  /** What go-yaml v2 (kubectl's reader) resolves the plain scalar {@code in} to. */
  public static Resolved resolve(String in) {
    // No name in the table is longer than 5 or starts otherwise: most keys and strings skip
    // hashing.
    JsonValue fixed =
        in.length() <= TABLE_LONGEST && (in.isEmpty() || TABLE_FIRST.indexOf(in.charAt(0)) >= 0)
            ? TABLE.get(in)
            : null;
    if (fixed != null) {
      return fixed instanceof JsonValue.Null
          ? NULL
          : ((JsonValue.Bool) fixed).value() ? TRUE : FALSE;
    }
    if (isNonFinite(in)) {
      double v =
          in.endsWith("nan") || in.endsWith("NaN") || in.endsWith("NAN")
              ? Double.NaN
              : in.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return new Resolved(GoType.FLOAT, JsonValue.of(in), v);
    }
    char c = in.charAt(0);
    if (c == '.') {
      // go-yaml hands the text to strconv.ParseFloat as it is (underscores included); a float
      // out of range is an error there, so the scalar stays a string.
      Double d = GoFloats.parseDecimal(in);
      return d != null && !d.isInfinite() ? goFloat(d) : string(in);
    }
    if (c != '+' && c != '-' && (c < '0' || c > '9')) {
      return string(in);
    }
    if (isPlainDecimal(in)) {
      // ports, counts, seconds: already the literal ParseInt would give
      return new Resolved(GoType.INT, new JsonValue.Num(in), 0);
    }
    String plain = in.replace("_", "");
    BigInteger signed = parseGoInt(plain, true);
    boolean unsignedSyntax = !plain.isEmpty() && plain.charAt(0) != '+' && plain.charAt(0) != '-';
    if (signed != null && signed.bitLength() < 64) { // strconv.ParseInt(plain, 0, 64)
      return new Resolved(GoType.INT, new JsonValue.Num(signed.toString()), 0);
    }
    if (signed != null && signed.signum() > 0 && signed.bitLength() == 64 && unsignedSyntax) {
      return new Resolved(GoType.UINT64, new JsonValue.Num(signed.toString()), 0); // ParseUint
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      if (!Double.isInfinite(d)) {
        return goFloat(d);
      }
    }
    if (signed != null && unsignedSyntax) { // ParseUint failed on the range: math/big takes it
      return new Resolved(GoType.BIG_INT, new JsonValue.Num(signed.toString()), 0);
    }
    return string(in);
  }

  private static Resolved string(String in) {
    return new Resolved(GoType.STRING, JsonValue.of(in), 0);
  }

  private static Resolved goFloat(double d) {
    return new Resolved(GoType.FLOAT, new JsonValue.Num(GoFloats.json(d)), d);
  }

  /**
   * True for 1 to 18 decimal digits without a leading zero: a decimal int64 whose canonical literal
   * is itself (no sign, underscore, base prefix or octal zero to rewrite).
   */
  private static boolean isPlainDecimal(String in) {
    int n = in.length();
    if (n > 18 || (in.charAt(0) == '0' && n > 1)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char d = in.charAt(i);
      if (d < '0' || d > '9') {
        return false;
      }
    }
    return true;
  }

  /** Go's ParseInt/ParseUint with base 0, without the range check. */
  private static @Nullable BigInteger parseGoInt(String s, boolean allowSign) {
    int i = 0;
    boolean negative = false;
    if (allowSign && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    int radix = 10;
    if (s.length() - i > 1 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      if (p == 'x') {
        radix = 16;
        i += 2;
      } else if (p == 'b') {
        radix = 2;
        i += 2;
      } else if (p == 'o') {
        radix = 8;
        i += 2;
      } else {
        radix = 8;
        i += 1;
      }
    }
    String digits = s.substring(i);
    if (digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    return negative ? v.negate() : v;
  }

  /** Go's encoding/json float format: plain for 1e-6 <= |d| < 1e21, else exponent form. */
  public static String formatFloat(double d) {
    return GoFloats.json(d);
  }

  /** The first character after an optional sign, or 0 if there is none. */
  private static char digitAfterSign(String in) {
    int i = !in.isEmpty() && (in.charAt(0) == '+' || in.charAt(0) == '-') ? 1 : 0;
    return i < in.length() ? in.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * When another common YAML reader would read the plain scalar {@code in} differently from
   * kubectl, a sentence saying so and how to write it unambiguously; otherwise null.
   *
   * @param kubectl what {@link #resolvePlain} gave
   */
  public static @Nullable String ambiguity(String in, JsonValue kubectl) {
    if (kubectl instanceof JsonValue.Bool b && !YAML12_BOOLEANS.contains(in)) {
      return "kubectl reads "
          + in
          + " as the boolean "
          + b.value()
          + " (YAML 1.1), but YAML 1.2 readers read the string \""
          + in
          + "\"; write "
          + b.value()
          + " for a boolean or \""
          + in
          + "\" (quoted) for a string";
    }
    if (kubectl instanceof JsonValue.Num n) {
      if (in.indexOf('_') >= 0 || !YAML12_NUMBER.matcher(in).matches()) {
        return "kubectl reads "
            + in
            + " as the number "
            + n.literal()
            + " (YAML 1.1), but YAML 1.2 readers read the string \""
            + in
            + "\"; write "
            + n.literal()
            + " for the number or \""
            + in
            + "\" (quoted) for a string";
      }
      // Only a literal with a leading 0 can be octal: most numbers skip the pattern. Octal
      // literals past 64 bits are decimal floats to kubectl, and 01 to 07 mean the same either way.
      if (digitAfterSign(in) == '0'
          && LEGACY_OCTAL.matcher(in).matches()
          && resolve(in).type() != GoType.FLOAT
          && !new BigInteger(in).equals(n.decimal().toBigInteger())) {
        return "kubectl reads "
            + in
            + " as the octal number "
            + n.literal()
            + " (YAML 1.1), but YAML 1.2 readers read the decimal number "
            + new BigInteger(in)
            + "; write "
            + n.literal()
            + " (or "
            + in.replaceFirst("^([-+]?)0", "$10o")
            + ") for the number, or quote it for a string";
      }
      return null;
    }
    // Base 60 starts with a digit (after a sign) and has a colon; most plain strings (names,
    // images such as nginx:1.27) fail one of those, which spares a matcher per scalar.
    if (kubectl instanceof JsonValue.Str
        && isDigit(digitAfterSign(in))
        && in.indexOf(':') > 0
        && SEXAGESIMAL.matcher(in).matches()) {
      return "kubectl reads "
          + in
          + " as the string \""
          + in
          + "\", but YAML 1.1 readers read a base-60 number; quote it (\""
          + in
          + "\")";
    }
    return null;
  }
}
