package dev.daemonset.cli.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's documentation of every field of a DaemonSet, for hover and completion: {@code
 * field-docs.json} beside this class, derived from Kubernetes' {@code types.go} and {@code
 * types_swagger_doc_generated.go} (Apache-2.0; {@code FieldDocsResourceTest} derives it again). The
 * text is upstream's, so whatever shows it shows {@link #attribution()} too. Immutable.
 */
final class FieldDocs {

  static final String RESOURCE = "field-docs.json";

  /** A field's documentation and, for an object, the upstream type it holds. */
  record Doc(String doc, String type) {}

  private static volatile FieldDocs loaded;

  private final JsonNode root;

  private FieldDocs(JsonNode root) {
    this.root = root;
  }

  /** The documentation, read once. */
  static FieldDocs load() {
    FieldDocs d = loaded;
    if (d == null) {
      try (InputStream in = FieldDocs.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " missing from the classpath");
        }
        d = new FieldDocs(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      loaded = d;
    }
    return d;
  }

  /** Where the text comes from and under which licence. */
  String attribution() {
    return root.path("source").asText();
  }

  /**
   * The documentation of the field at {@code fields} (field names only: list indexes and map keys
   * left out) of a kind, if upstream documents it.
   */
  Optional<Doc> field(String apiVersion, String kind, List<String> fields) {
    String type = root.path("roots").path(apiVersion + "/" + kind).asText("");
    if (type.isEmpty() || fields.isEmpty()) {
      return Optional.empty();
    }
    JsonNode field = null;
    for (String name : fields) {
      field = root.path("types").path(type).path("fields").get(name);
      if (field == null) {
        return Optional.empty();
      }
      type = field.path("type").asText("");
    }
    String doc = field.path("doc").asText("");
    if (doc.isEmpty() && !type.isEmpty()) {
      doc = root.path("types").path(type).path("doc").asText("");
    }
    return doc.isEmpty() ? Optional.empty() : Optional.of(new Doc(doc, type));
  }

  /** The documentation of a kind itself. */
  Optional<String> kind(String apiVersion, String kind) {
    String type = root.path("roots").path(apiVersion + "/" + kind).asText("");
    String doc = root.path("types").path(type).path("doc").asText("");
    return doc.isEmpty() ? Optional.empty() : Optional.of(doc);
  }
}
