package dev.daemonset.cli.lsp;

import dev.daemonset.api.Document;
import dev.daemonset.api.Span;
import dev.daemonset.api.model.Container;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The outline: one symbol per document read (DaemonSet, Node, Pod, ControllerRevision), and under a
 * DaemonSet its selector, update strategy, template, containers and volumes. From the last good
 * analysis while the text is broken.
 */
final class Symbols {
  private Symbols() {}

  static List<DocumentSymbol> symbols(DaemonSetLanguageServer.Features f) {
    Analysis a = f.current().read().documents().isEmpty() ? f.good() : f.current();
    List<DocumentSymbol> out = new ArrayList<>();
    for (Document d : a.read().documents()) {
      Span whole = d.sourceMap().document();
      if (!whole.isKnown()) {
        continue;
      }
      KubernetesObject o = d.object();
      Range range = a.lines.range(whole, f.encoding());
      Range name =
          d.sourceMap()
              .value("metadata.name")
              .map(s -> a.lines.range(s, f.encoding()))
              .orElse(new Range(range.getStart(), range.getStart()));
      if (!contains(range, name)) {
        name = new Range(range.getStart(), range.getStart());
      }
      String title = o.objectKind().kind() + " " + qualified(o);
      DocumentSymbol s = new DocumentSymbol(title, SymbolKind.Class, range, name);
      s.setDetail(o.objectKind().apiVersion());
      if (o instanceof DaemonSet ds) {
        s.setChildren(children(ds, a, d, f.encoding(), range));
      }
      out.add(s);
    }
    return out;
  }

  private static String qualified(KubernetesObject o) {
    String ns = o.metadata().namespace();
    String n = o.metadata().name();
    return ns == null || ns.isEmpty() ? n : ns + "/" + n;
  }

  private static List<DocumentSymbol> children(
      DaemonSet ds, Analysis a, Document d, TextLines.Encoding enc, Range parent) {
    FieldIndex index = a.index(d);
    List<DocumentSymbol> out = new ArrayList<>();
    field(index, "spec.selector", "selector", SymbolKind.Object, a, enc, parent)
        .ifPresent(out::add);
    field(index, "spec.updateStrategy", "updateStrategy", SymbolKind.Object, a, enc, parent)
        .ifPresent(out::add);
    Optional<DocumentSymbol> template =
        field(index, "spec.template", "template", SymbolKind.Object, a, enc, parent);
    if (template.isPresent()) {
      List<DocumentSymbol> inner = new ArrayList<>();
      var spec = ds.spec().template().spec();
      addList(
          index,
          "spec.template.spec.initContainers",
          spec.initContainers().stream().map(Container::name).toList(),
          "init container ",
          a,
          enc,
          template.get().getRange(),
          inner);
      addList(
          index,
          "spec.template.spec.containers",
          spec.containers().stream().map(Container::name).toList(),
          "container ",
          a,
          enc,
          template.get().getRange(),
          inner);
      addList(
          index,
          "spec.template.spec.volumes",
          spec.volumes().stream().map(Volume::name).toList(),
          "volume ",
          a,
          enc,
          template.get().getRange(),
          inner);
      template.get().setChildren(inner);
      out.add(template.get());
    }
    return out;
  }

  private static void addList(
      FieldIndex index,
      String path,
      List<String> names,
      String prefix,
      Analysis a,
      TextLines.Encoding enc,
      Range parent,
      List<DocumentSymbol> out) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).isEmpty() ? "#" + i : names.get(i);
      field(index, path + "[" + i + "]", prefix + name, SymbolKind.Field, a, enc, parent)
          .ifPresent(out::add);
    }
  }

  private static Optional<DocumentSymbol> field(
      FieldIndex index,
      String path,
      String title,
      SymbolKind kind,
      Analysis a,
      TextLines.Encoding enc,
      Range parent) {
    Optional<FieldIndex.Entry> e = index.get(path);
    if (e.isEmpty() || e.get().value() == null) {
      return Optional.empty();
    }
    Span value = e.get().value();
    Span key = e.get().key() != null ? e.get().key() : value;
    Range selection = a.lines.range(key, enc);
    Range range = new Range(selection.getStart(), a.lines.range(value, enc).getEnd());
    if (!contains(parent, range)) {
      return Optional.empty();
    }
    return Optional.of(new DocumentSymbol(title, kind, range, selection));
  }

  private static boolean contains(Range outer, Range inner) {
    return compare(outer.getStart(), inner.getStart()) <= 0
        && compare(inner.getEnd(), outer.getEnd()) <= 0;
  }

  private static int compare(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
    return a.getLine() != b.getLine()
        ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}
