package dev.daemonset.core.internal.rules;

import dev.daemonset.core.internal.validation.Formats;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors in the order the rules find them, rendering each body as apimachinery's
 * {@code field.Error.ErrorBody} does. Values are passed already rendered (see {@link Render}).
 */
final class Errors {
  private final List<FieldError> list = new ArrayList<>();

  List<FieldError> list() {
    return List.copyOf(list);
  }

  int size() {
    return list.size();
  }

  void add(ErrorType type, String path, String body, String locate, boolean onKey) {
    list.add(new FieldError(type, path, body, locate, onKey));
  }

  private static String withDetail(String head, String detail) {
    return detail.isEmpty() ? head : head + ": " + detail;
  }

  void required(String path, String detail) {
    required(path, detail, path);
  }

  void required(String path, String detail, String locate) {
    add(ErrorType.REQUIRED, path, withDetail(ErrorType.REQUIRED.label(), detail), locate, false);
  }

  void forbidden(String path, String detail) {
    forbidden(path, detail, path);
  }

  void forbidden(String path, String detail, String locate) {
    add(ErrorType.FORBIDDEN, path, withDetail(ErrorType.FORBIDDEN.label(), detail), locate, false);
  }

  void invalid(String path, String value, String detail) {
    invalid(path, value, detail, path, false);
  }

  void invalid(String path, String value, String detail, String locate, boolean onKey) {
    add(
        ErrorType.INVALID,
        path,
        withDetail(ErrorType.INVALID.label() + ": " + value, detail),
        locate,
        onKey);
  }

  void notSupported(String path, String value, String... valid) {
    String detail = valid.length == 0 ? "" : "supported values: " + Render.supported(valid);
    add(
        ErrorType.NOT_SUPPORTED,
        path,
        withDetail(ErrorType.NOT_SUPPORTED.label() + ": " + value, detail),
        path,
        false);
  }

  void duplicate(String path, String value) {
    add(ErrorType.DUPLICATE, path, ErrorType.DUPLICATE.label() + ": " + value, path, false);
  }

  void notFound(String path, String value) {
    add(ErrorType.NOT_FOUND, path, ErrorType.NOT_FOUND.label() + ": " + value, path, false);
  }

  /** {@code ValidateNonnegativeField}. */
  void nonNegative(long value, String path) {
    if (value < 0) {
      invalid(path, Long.toString(value), Formats.NEGATIVE);
    }
  }

  /** Each message of a format check as an Invalid error on one path, value a Go string. */
  void eachInvalid(String path, String value, List<String> messages) {
    for (String msg : messages) {
      invalid(path, Render.goQuote(value), msg);
    }
  }
}
