/** The engine of daemonset-engine: reading, defaulting, validation, planning and the CLI. */
module dev.daemonset.core {
  requires transitive dev.daemonset.api;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.hibernate.validator;
  requires static org.jspecify;
  requires static info.picocli;

  exports dev.daemonset.core.read;
  exports dev.daemonset.core.plan;
  exports dev.daemonset.core.render;
}
