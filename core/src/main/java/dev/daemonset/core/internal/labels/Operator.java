package dev.daemonset.core.internal.labels;

import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code selection.Operator}, the operators a label-selector or node-selector
 * requirement can name ({@code Gt} and {@code Lt} only in node selectors).
 */
public enum Operator {
  IN("In"),
  NOT_IN("NotIn"),
  EXISTS("Exists"),
  DOES_NOT_EXIST("DoesNotExist"),
  GT("Gt"),
  LT("Lt");

  private final String word;

  Operator(String word) {
    this.word = word;
  }

  /** The operator as manifests spell it. */
  public String word() {
    return word;
  }

  /** The operator of this spelling, or {@code null} for one Kubernetes does not know. */
  public static @Nullable Operator of(String word) {
    return switch (word) {
      case "In" -> IN;
      case "NotIn" -> NOT_IN;
      case "Exists" -> EXISTS;
      case "DoesNotExist" -> DOES_NOT_EXIST;
      case "Gt" -> GT;
      case "Lt" -> LT;
      default -> null;
    };
  }
}
