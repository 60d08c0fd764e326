/**
 * The engine of daemonset-engine as a library: reading, defaulting, validation, linting, planning
 * and report formats, with one entry point ({@code dev.daemonset.core.DaemonSetEngine}). Exports
 * only the entry packages; {@code ...internal...} packages are not part of the API.
 */
// "module": the qualified export below names dev.daemonset.cli, which core's build cannot see
@SuppressWarnings("module")
module dev.daemonset.core {
  requires transitive dev.daemonset.api;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.hibernate.validator;
  requires static org.jspecify;
  requires static org.apiguardian.api;

  exports dev.daemonset.core;
  exports dev.daemonset.core.read;
  exports dev.daemonset.core.defaults;
  exports dev.daemonset.core.validate;
  exports dev.daemonset.core.lint;
  exports dev.daemonset.core.config;
  exports dev.daemonset.core.plan;
  exports dev.daemonset.core.simulate;
  exports dev.daemonset.core.diff;
  exports dev.daemonset.core.render;
  exports dev.daemonset.core.report;

  // The field schema of the strict reader, for the language server's completion, hover and quick
  // fixes (FieldSchema); not part of the API.
  exports dev.daemonset.core.internal.bind to
      dev.daemonset.cli;

  // Why a file could not be read, in the same words in the CLI's messages; not part of the API.
  exports dev.daemonset.core.internal.io to
      dev.daemonset.cli;

  uses dev.daemonset.api.lint.Policy;

  // Hibernate Validator instantiates the constraint validators and reads the update bean.
  opens dev.daemonset.core.internal.rules to
      org.hibernate.validator;

  provides jakarta.validation.ConstraintValidator with
      dev.daemonset.core.internal.rules.ApiServerValidator,
      dev.daemonset.core.internal.rules.DaemonSetChangeValidator,
      dev.daemonset.core.internal.rules.Dns1123LabelValidator,
      dev.daemonset.core.internal.rules.Dns1123SubdomainValidator,
      dev.daemonset.core.internal.rules.QualifiedNameValidator,
      dev.daemonset.core.internal.rules.LabelValueValidator,
      dev.daemonset.core.internal.rules.IntOrPercentValidator;
}
