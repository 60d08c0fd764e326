package dev.daemonset.core.internal.labels;

import dev.daemonset.api.model.NodeSelectorRequirement;
import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code selection.Operator}, the operators a label-selector or node-selector
 * requirement can name ({@code Gt} and {@code Lt} only in node selectors).
 */
public enum Operator {
  IN(NodeSelectorRequirement.IN),
  NOT_IN(NodeSelectorRequirement.NOT_IN),
  EXISTS(NodeSelectorRequirement.EXISTS),
  DOES_NOT_EXIST(NodeSelectorRequirement.DOES_NOT_EXIST),
  GT(NodeSelectorRequirement.GT),
  LT(NodeSelectorRequirement.LT);

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
      case NodeSelectorRequirement.IN -> IN;
      case NodeSelectorRequirement.NOT_IN -> NOT_IN;
      case NodeSelectorRequirement.EXISTS -> EXISTS;
      case NodeSelectorRequirement.DOES_NOT_EXIST -> DOES_NOT_EXIST;
      case NodeSelectorRequirement.GT -> GT;
      case NodeSelectorRequirement.LT -> LT;
      default -> null;
    };
  }
}
