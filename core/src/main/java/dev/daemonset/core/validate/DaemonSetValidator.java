package dev.daemonset.core.validate;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.Severity;
import dev.daemonset.api.SourceMap;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.DaemonSetSpec;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.core.defaults.Defaults;
import dev.daemonset.core.internal.rules.DaemonSetChange;
import dev.daemonset.core.internal.rules.FieldError;
import dev.daemonset.core.internal.rules.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates apps/v1 DaemonSets as the Kubernetes API server (1.35) does: defaulting first, then
 * every rule of {@code ValidateDaemonSet}, reported as located diagnostics.
 *
 * <p>Each diagnostic stands for one API-server field error: {@code code} is the error type ({@code
 * FieldValueRequired}, {@code FieldValueInvalid}, {@code FieldValueNotSupported}, {@code
 * FieldValueDuplicate}, {@code FieldValueForbidden}, {@code FieldValueTooLong}, {@code
 * FieldValueNotFound}), {@code path} the field path exactly as the server renders it (quirks
 * included: template label errors on {@code spec.template.labels}, map errors without the key),
 * {@code message} the server's body ({@code Unsupported value: "OnFailure": supported values:
 * "Always"}), and the span where the user must look: the written value, the written key of a bad
 * map entry, or the nearest written ancestor of a defaulted or missing field. Every error is
 * reported, in upstream's order; all have severity {@link Severity#ERROR}.
 *
 * <p>A missing {@code metadata.namespace} is taken as filled in from the request, as kubectl does.
 * Server-side preparation (generated names, {@code metadata.generation = 1}, wiped status) is not
 * replayed: the object is checked as written plus defaults.
 *
 * <p>The rules run as Jakarta Validation constraints: {@code @ApiServerValid} on the DaemonSet
 * record, validated by Hibernate Validator with the parameter message interpolator (no Expression
 * Language); each violation carries its field error as a dynamic payload. Not covered (the server
 * checks them, this class does not): sysctls, Windows and SELinux-change options, resource claims,
 * overhead, ephemeral-container fields, volume devices, resize policies, topology-spread {@code
 * matchLabelKeys}, per-source checks of volume sources other than emptyDir, hostPath, secret and
 * configMap, the downward-API {@code resourceFieldRef}, the names and keys of {@code
 * configMapKeyRef}/{@code secretKeyRef} and the Linux/Windows-only field checks behind {@code
 * os.name}.
 *
 * <p>Thread-safe and stateless; the Jakarta Validation factory behind it is built once, on first
 * use, and shared. It changes no global state (no logging configuration, no system property).
 *
 * <p>The same factory validates the constraint annotations of {@code dev.daemonset.api.constraints}
 * ({@code @Dns1123Label}, {@code @Dns1123Subdomain}, {@code @QualifiedName}, {@code @LabelValue},
 * {@code @IntOrPercent}) on a user's own beans: {@link #constraintValidator()} hands it out. Use it
 * rather than {@code Validation.buildDefaultValidatorFactory()}, which fails with HV000183 unless a
 * Jakarta Expression Language implementation is on the class path.
 *
 * <pre>{@code
 * for (Document doc : ManifestReader.defaults().read(text).documents()) {
 *   List<Diagnostic> errors = DaemonSetValidator.validate(doc); // empty for other kinds
 * }
 * Set<ConstraintViolation<MyConfig>> v = DaemonSetValidator.constraintValidator().validate(config);
 * }</pre>
 *
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public final class DaemonSetValidator {
  private DaemonSetValidator() {}

  /** The one validator factory: expensive to build, safe to share. */
  private static final class Holder {
    static final ValidatorFactory FACTORY =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  /**
   * A ready Jakarta {@link Validator} for the constraint annotations of {@code
   * dev.daemonset.api.constraints} on any bean: Hibernate Validator with the parameter message
   * interpolator, so it needs no Expression Language implementation. A violation's message is the
   * API server's own wording ({@code must not contain dots}); a constraint of the user's own whose
   * message uses EL ({@code ${validatedValue}}) is not interpolated by it.
   *
   * <p>The validator is shared and thread-safe. On the module path, Hibernate Validator must be
   * allowed to read the validated beans: the module that holds them declares {@code opens
   * com.example.config to org.hibernate.validator;} (or is an open module).
   *
   * <pre>{@code
   * record Target(@Dns1123Label String namespace) {}
   * Set<ConstraintViolation<Target>> violations =
   *     DaemonSetValidator.constraintValidator().validate(new Target("Not_A_Label"));
   * }</pre>
   */
  public static Validator constraintValidator() {
    return Holder.VALIDATOR;
  }

  /**
   * Builds the validation machinery now rather than on first use (it takes a few hundred
   * milliseconds): call it from a background thread at start-up so the first validation is fast.
   * Optional; safe to call any number of times, from any thread.
   */
  public static void prepare() {
    Holder.VALIDATOR.validate(DaemonSet.of(ObjectMeta.EMPTY, DaemonSetSpec.EMPTY));
  }

  /**
   * The errors the API server would give when {@code ds} is created, located in {@code positions}
   * (pass {@link SourceMap#empty()} for an object built in code).
   */
  public static List<Diagnostic> validate(DaemonSet ds, SourceMap positions) {
    requireNonNull(ds, "ds");
    requireNonNull(positions, "positions");
    return diagnostics(
        Holder.VALIDATOR.validate(ds), positions, false); // the constraint defaults first
  }

  /**
   * The errors the API server would give when the DaemonSet of {@code document} is created, located
   * in the document's source map; an empty list for a document of another kind.
   */
  public static List<Diagnostic> validate(Document document) {
    requireNonNull(document, "document");
    return document.object() instanceof DaemonSet ds
        ? validate(ds, document.sourceMap())
        : List.of();
  }

  /**
   * The errors the API server would give when {@code oldDs} is replaced by {@code newDs}: the
   * create-time rules on the new object, the metadata update rules (R64–R67), the
   * template-generation rules (R68–R70) and the immutable selector (R71). The server runs the spec
   * rules twice on update; identical errors are reported once, as its response message does.
   *
   * <p>As the server's update preparation does, a changed template gets the stored template
   * generation plus one (an absent annotation carries the stored one over), so only an edited
   * generation without a template change is reported. The new object must name a {@code
   * metadata.resourceVersion} (R64), as objects read back from a cluster do.
   */
  public static List<Diagnostic> validateUpdate(
      DaemonSet oldDs, DaemonSet newDs, SourceMap newPositions) {
    return change(oldDs, newDs, newPositions, false);
  }

  /**
   * The errors the API server would give when the status subresource of {@code oldDs} is replaced
   * by that of {@code newDs}: metadata update rules, non-negative counters (R73) and a collision
   * count that never decreases (R74).
   */
  public static List<Diagnostic> validateStatusUpdate(
      DaemonSet oldDs, DaemonSet newDs, SourceMap newPositions) {
    return change(oldDs, newDs, newPositions, true);
  }

  private static List<Diagnostic> change(
      DaemonSet oldDs, DaemonSet newDs, SourceMap positions, boolean status) {
    requireNonNull(oldDs, "oldDs");
    requireNonNull(newDs, "newDs");
    requireNonNull(positions, "newPositions");
    DaemonSetChange change =
        new DaemonSetChange(Defaults.defaulted(oldDs), Defaults.defaulted(newDs), status);
    return diagnostics(Holder.VALIDATOR.validate(change), positions, true);
  }

  private static <T> List<Diagnostic> diagnostics(
      Set<ConstraintViolation<T>> violations, SourceMap positions, boolean collapse) {
    List<Violations.Carried> carried = new ArrayList<>(violations.size());
    for (ConstraintViolation<T> v : violations) {
      HibernateConstraintViolation<?> h = v.unwrap(HibernateConstraintViolation.class);
      Violations.Carried c = h.getDynamicPayload(Violations.Carried.class);
      if (c == null) {
        throw new IllegalStateException(
            "violation without a field error: " + v.getPropertyPath() + " " + v.getMessage());
      }
      carried.add(c);
    }
    carried.sort(Comparator.comparingInt(Violations.Carried::rank));
    List<FieldError> errors = carried.stream().map(Violations.Carried::error).toList();
    Collection<FieldError> unique = collapse ? new LinkedHashSet<>(errors) : errors;
    List<Diagnostic> out = new ArrayList<>(unique.size());
    for (FieldError e : unique) {
      out.add(
          new Diagnostic(
              Severity.ERROR, e.type().code(), e.path(), e.message(), span(e, positions)));
    }
    return List.copyOf(out);
  }

  private static Span span(FieldError e, SourceMap positions) {
    if (e.onKey()) {
      return positions.key(e.locate()).orElseGet(() -> positions.nearest(e.locate()));
    }
    return positions.value(e.locate()).orElseGet(() -> positions.nearest(e.locate()));
  }
}
