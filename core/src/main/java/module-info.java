/**
 * The engine of daemonset-engine: reading, defaulting, validation, linting, planning and the CLI.
 * Exports only the entry packages; everything else is internal.
 */
module dev.daemonset.core {
  requires transitive dev.daemonset.api;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.hibernate.validator;
  requires java.logging;
  requires static org.jspecify;
  requires static info.picocli;

  exports dev.daemonset.core.read;
  exports dev.daemonset.core.defaults;
  exports dev.daemonset.core.validate;
  exports dev.daemonset.core.lint;
  exports dev.daemonset.core.plan;
  exports dev.daemonset.core.render;

  opens dev.daemonset.core.cli to info.picocli;

  uses dev.daemonset.api.lint.Policy;

  // Hibernate Validator instantiates the constraint validators and reads the update bean.
  opens dev.daemonset.core.validate.rules to org.hibernate.validator;

  provides jakarta.validation.ConstraintValidator with
      dev.daemonset.core.validate.rules.ApiServerValidator,
      dev.daemonset.core.validate.rules.DaemonSetChangeValidator,
      dev.daemonset.core.validate.rules.Dns1123LabelValidator,
      dev.daemonset.core.validate.rules.Dns1123SubdomainValidator,
      dev.daemonset.core.validate.rules.QualifiedNameValidator,
      dev.daemonset.core.validate.rules.LabelValueValidator,
      dev.daemonset.core.validate.rules.IntOrPercentValidator;
}
