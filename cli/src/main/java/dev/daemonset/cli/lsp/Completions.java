package dev.daemonset.cli.lsp;

import dev.daemonset.core.internal.bind.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.jspecify.annotations.Nullable;

/**
 * Completion in block-style YAML DaemonSets: the field names the reader accepts at the cursor (the
 * reader's field schema, so nothing it would call {@code unknown-field}) with upstream's
 * documentation, the values of enum fields, and well-known label, node-label and taint keys.
 */
final class Completions {
  private Completions() {}

  /**
   * Values of fields with a fixed set, by field name and, where one name has different sets, the
   * name of the list or object it is in. From upstream's types.go ({@code
   * DaemonSetUpdateStrategyType}, {@code TolerationOperator}, {@code TaintEffect}, {@code
   * PullPolicy}, {@code RestartPolicy}, {@code DNSPolicy}, {@code Protocol}, {@code HostPathType},
   * {@code NodeSelectorOperator}, {@code LabelSelectorOperator}); restartPolicy lists only what a
   * DaemonSet's template may use.
   */
  private static final Map<String, List<String>> ENUMS =
      Map.ofEntries(
          Map.entry("updateStrategy.type", List.of("RollingUpdate", "OnDelete")),
          Map.entry("tolerations.operator", List.of("Exists", "Equal")),
          Map.entry("tolerations.effect", List.of("NoSchedule", "PreferNoSchedule", "NoExecute")),
          Map.entry("taints.effect", List.of("NoSchedule", "PreferNoSchedule", "NoExecute")),
          Map.entry("imagePullPolicy", List.of("Always", "IfNotPresent", "Never")),
          Map.entry("spec.restartPolicy", List.of("Always")),
          Map.entry("initContainers.restartPolicy", List.of("Always")),
          Map.entry(
              "dnsPolicy", List.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None")),
          Map.entry("protocol", List.of("TCP", "UDP", "SCTP")),
          Map.entry(
              "hostPath.type",
              List.of(
                  "DirectoryOrCreate",
                  "Directory",
                  "FileOrCreate",
                  "File",
                  "Socket",
                  "CharDevice",
                  "BlockDevice")),
          Map.entry(
              "nodeSelectorTerms.operator",
              List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")),
          Map.entry(
              "preference.operator", List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")),
          Map.entry("selector.operator", List.of("In", "NotIn", "Exists", "DoesNotExist")),
          Map.entry("labelSelector.operator", List.of("In", "NotIn", "Exists", "DoesNotExist")));

  /** The labels Kubernetes recommends on every object (kubernetes.io, "Recommended Labels"). */
  static final List<String> APP_LABELS =
      List.of(
          "app.kubernetes.io/name",
          "app.kubernetes.io/instance",
          "app.kubernetes.io/version",
          "app.kubernetes.io/component",
          "app.kubernetes.io/part-of",
          "app.kubernetes.io/managed-by");

  /** Labels the kubelet and cloud providers set on nodes. */
  static final List<String> NODE_LABELS =
      List.of(
          "kubernetes.io/os",
          "kubernetes.io/arch",
          "kubernetes.io/hostname",
          "node.kubernetes.io/instance-type",
          "topology.kubernetes.io/zone",
          "topology.kubernetes.io/region",
          "node-role.kubernetes.io/control-plane");

  /** Taints Kubernetes itself puts on nodes, which a node agent often tolerates. */
  static final List<String> TAINT_KEYS =
      List.of(
          "node-role.kubernetes.io/control-plane",
          "node.kubernetes.io/not-ready",
          "node.kubernetes.io/unreachable",
          "node.kubernetes.io/disk-pressure",
          "node.kubernetes.io/memory-pressure",
          "node.kubernetes.io/pid-pressure",
          "node.kubernetes.io/unschedulable",
          "node.kubernetes.io/network-unavailable");

  static CompletionList complete(
      TextLines lines, Position position, TextLines.Encoding encoding, @Nullable Analysis good) {
    int offset = lines.offset(position, encoding);
    YamlContext c = YamlContext.at(lines, offset);
    List<CompletionItem> items = new ArrayList<>();
    if (c == null || !(c.kind().equals("DaemonSet") || c.kind().isEmpty())) {
      return new CompletionList(false, items);
    }
    Range range =
        new Range(lines.position(c.partialStart(), encoding), lines.position(offset, encoding));
    // the schema of the mapping the cursor is in, and the field names along the way
    Optional<FieldSchema> s = FieldSchema.kind("apps/v1", "DaemonSet");
    List<String> fields = new ArrayList<>();
    String container = "";
    String grand = "";
    for (String step : c.steps()) {
      if (s.isEmpty()) {
        break;
      }
      if (step.equals(YamlContext.ITEM) || s.get().shape() == FieldSchema.Shape.MAP) {
        s = s.get().element();
      } else {
        s = s.get().field(step);
        fields.add(step);
        grand = container;
        container = step;
      }
    }
    if (s.isEmpty()) {
      return new CompletionList(false, items);
    }
    FieldSchema here = s.get();
    if (c.key() == null) {
      if (here.shape() == FieldSchema.Shape.OBJECT) {
        for (String name : here.fieldNames()) {
          if (c.siblings().contains(name) || !name.startsWith(c.partial())) {
            continue;
          }
          FieldSchema f = here.field(name).orElseThrow();
          CompletionItem item = new CompletionItem(name);
          item.setKind(CompletionItemKind.Field);
          item.setDetail(f.scalar());
          List<String> path = new ArrayList<>(fields);
          path.add(name);
          FieldDocs.load()
              .field("apps/v1", "DaemonSet", path)
              .ifPresent(d -> item.setDocumentation(markdown(d.doc())));
          String insert = f.shape() == FieldSchema.Shape.SCALAR ? name + ": " : name + ":";
          item.setTextEdit(
              org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new TextEdit(range, insert)));
          item.setFilterText(name);
          items.add(item);
        }
      } else if (here.shape() == FieldSchema.Shape.MAP) {
        List<String> keys =
            container.equals("nodeSelector")
                ? NODE_LABELS
                : (container.equals("labels") || container.equals("matchLabels"))
                    ? APP_LABELS
                    : List.of();
        for (String k : keys) {
          if (!c.siblings().contains(k) && k.startsWith(c.partial())) {
            items.add(value(k, k + ": ", range, CompletionItemKind.Constant, "label key"));
          }
        }
      }
      return new CompletionList(false, items);
    }
    // a value: the field's enum, a boolean, or a well-known key
    String key = c.key();
    Optional<FieldSchema> field =
        here.shape() == FieldSchema.Shape.OBJECT ? here.field(key) : Optional.empty();
    List<String> values = ENUMS.get(container + "." + key);
    if (values == null && key.equals("operator") && container.equals("matchExpressions")) {
      values = ENUMS.get(grand + ".operator");
    }
    if (values == null && key.equals("restartPolicy")) {
      values = ENUMS.get(container + ".restartPolicy");
    }
    if (values == null) {
      values = ENUMS.get(key);
    }
    if (values == null && field.isPresent() && field.get().scalar().equals("boolean")) {
      values = List.of("true", "false");
    }
    if (values == null && key.equals("key") && container.equals("tolerations")) {
      values = TAINT_KEYS;
    }
    if (values == null
        && key.equals("key")
        && container.equals("matchExpressions")
        && (grand.equals("nodeSelectorTerms") || grand.equals("preference"))) {
      values = NODE_LABELS;
    }
    if (values != null) {
      for (String v : values) {
        if (v.startsWith(c.partial())) {
          items.add(value(v, v, range, CompletionItemKind.EnumMember, key));
        }
      }
    }
    return new CompletionList(false, items);
  }

  private static CompletionItem value(
      String label, String insert, Range range, CompletionItemKind kind, String detail) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setDetail(detail);
    item.setTextEdit(
        org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new TextEdit(range, insert)));
    item.setFilterText(label);
    return item;
  }

  private static MarkupContent markdown(String doc) {
    return new MarkupContent(MarkupKind.MARKDOWN, doc + "\n\n" + Hovers.ATTRIBUTION);
  }
}
