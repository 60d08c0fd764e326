package dev.daemonset.core.internal.rules;

/** The error types of apimachinery's {@code field} package, with the body prefix each renders. */
public enum ErrorType {
  REQUIRED("FieldValueRequired", "Required value"),
  INVALID("FieldValueInvalid", "Invalid value"),
  NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
  DUPLICATE("FieldValueDuplicate", "Duplicate value"),
  FORBIDDEN("FieldValueForbidden", "Forbidden"),
  TOO_LONG("FieldValueTooLong", "Too long"),
  TOO_MANY("FieldValueTooMany", "Too many"),
  NOT_FOUND("FieldValueNotFound", "Not found");

  private final String code;
  private final String label;

  ErrorType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The cause type, as {@code status.details.causes[].reason} carries it. */
  public String code() {
    return code;
  }

  /** The prefix of the rendered body. */
  String label() {
    return label;
  }
}
