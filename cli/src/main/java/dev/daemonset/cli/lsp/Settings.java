package dev.daemonset.cli.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The client's settings for the server, from {@code initializationOptions} and from {@code
 * workspace/didChangeConfiguration} (either the object itself or one under a {@code daemonset}
 * key). Every setting is optional; docs/editors.md lists them.
 *
 * @param cluster cluster snapshot files ({@code kubectl get nodes -o yaml} output), absolute or
 *     relative to the workspace root, for the placement code lens; empty for none
 * @param debounceMillis how long after the last change diagnostics are computed and pushed
 * @param diagnostics whether diagnostics are pushed, pulled, or chosen from the client's
 *     capabilities
 * @param docsUrl the base of the rule documentation links, ending in {@code /}; empty to find the
 *     {@code docs/} folder beside the server's jar
 */
record Settings(List<String> cluster, int debounceMillis, Mode diagnostics, String docsUrl) {

  /** The debounce of the issue: long enough to skip the keystrokes of a word. */
  static final int DEFAULT_DEBOUNCE_MILLIS = 150;

  static final Settings DEFAULTS = new Settings(List.of(), DEFAULT_DEBOUNCE_MILLIS, Mode.AUTO, "");

  /** How diagnostics reach the client. */
  enum Mode {
    /** Pull when the client can ({@code textDocument.diagnostic} capability), else push. */
    AUTO,
    /** {@code textDocument/publishDiagnostics} after each change. */
    PUSH,
    /** Only {@code textDocument/diagnostic} answers. */
    PULL
  }

  Settings {
    cluster = List.copyOf(cluster);
    if (debounceMillis < 0) {
      throw new IllegalArgumentException("debounceMillis < 0: " + debounceMillis);
    }
  }

  /** These settings with the values {@code json} sets; others unchanged. Never throws. */
  Settings with(@Nullable JsonElement json) {
    if (json == null || !json.isJsonObject()) {
      return this;
    }
    JsonObject o = json.getAsJsonObject();
    if (o.has("daemonset") && o.get("daemonset").isJsonObject()) {
      o = o.getAsJsonObject("daemonset");
    }
    List<String> c = cluster;
    if (o.has("cluster")) {
      c = strings(o.get("cluster"));
    }
    int d = debounceMillis;
    if (o.has("debounceMillis") && o.get("debounceMillis").isJsonPrimitive()) {
      try {
        d = Math.max(0, Math.min(10_000, o.get("debounceMillis").getAsInt()));
      } catch (NumberFormatException e) {
        // keep the current value: a setting of the wrong type is ignored
      }
    }
    Mode m = diagnostics;
    if (o.has("diagnostics") && o.get("diagnostics").isJsonPrimitive()) {
      try {
        m = Mode.valueOf(o.get("diagnostics").getAsString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // keep the current value
      }
    }
    String u = docsUrl;
    if (o.has("docsUrl") && o.get("docsUrl").isJsonPrimitive()) {
      u = o.get("docsUrl").getAsString();
      if (!u.isEmpty() && !u.endsWith("/")) {
        u = u + "/";
      }
    }
    return new Settings(c, d, m, u);
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e.isJsonPrimitive()) {
      out.add(e.getAsString());
    } else if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      for (JsonElement x : a) {
        if (x.isJsonPrimitive()) {
          out.add(x.getAsString());
        }
      }
    }
    out.removeIf(String::isBlank);
    return out;
  }
}
