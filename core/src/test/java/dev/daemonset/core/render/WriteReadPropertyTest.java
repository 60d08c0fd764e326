package dev.daemonset.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.api.model.JsonValue;
import dev.daemonset.api.model.KubernetesObject;
import dev.daemonset.api.model.ObjectMeta;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.TestData;
import dev.daemonset.core.internal.tree.YamlScalars;
import dev.daemonset.core.read.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * read(write(x)) equals x, for YAML and JSON, over every object of the real-world corpus, of the
 * validation and planner conformance inputs, and over generated objects: the corpus DaemonSets with
 * random labels, annotations and unknown fields whose strings mix what YAML readers retype (YAML
 * 1.1 booleans, numbers in every base, null, timestamps, base 60), indicators, quotes, line breaks,
 * control and non-ASCII characters. Writing what was read back gives the same text again.
 *
 * <p>Seeded: {@code -Droundtrip.seed=N} repeats a run, {@code -Droundtrip.objects=N} sets how many
 * objects are generated (default 400).
 */
@ExtendWith(Seeds.class)
class WriteReadPropertyTest {
  private static final long SEED = Long.getLong("roundtrip.seed", 20261207L);
  private static final int OBJECTS = Integer.getInteger("roundtrip.objects", 400);
  private static final ManifestReader READER = ManifestReader.defaults();

  @Test
  void everyCorpusObjectReadsBackEqual() throws IOException {
    List<KubernetesObject> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(700);
    for (KubernetesObject object : corpus) {
      assertRoundTrip(object, "corpus object " + object.qualifiedName());
    }
  }

  @Test
  void generatedObjectsReadBackEqual() throws IOException {
    Seeds.use(SEED, "-Droundtrip.seed=" + SEED);
    Random random = new Random(SEED);
    List<DaemonSet> bases = new ArrayList<>();
    for (Path file : TestData.realWorldManifests().toList()) {
      bases.addAll(READER.read(Files.readAllBytes(file)).daemonSets());
    }
    for (int i = 0; i < OBJECTS; i++) {
      DaemonSet base = bases.get(random.nextInt(bases.size()));
      ObjectMeta m = base.metadata();
      // labels, annotations, then unknown fields: drawn in the order they always were
      ObjectMeta meta =
          Fixtures.withOther(
              m.withLabels(strings(random)).withAnnotations(strings(random)),
              tree(random, 0).members());
      assertRoundTrip(base.withMetadata(meta), "seed " + SEED + " object " + i);
    }
  }

  private static void assertRoundTrip(KubernetesObject object, String what) {
    String yaml = ManifestWriter.toYaml(object);
    String json = ManifestWriter.toJson(object);
    KubernetesObject fromYaml = readOne(yaml, what);
    KubernetesObject fromJson = readOne(json, what);
    assertThat(fromYaml).as("%s, YAML:%n%s", what, yaml).isEqualTo(object);
    assertThat(fromJson).as("%s, JSON:%n%s", what, json).isEqualTo(object);
    assertThat(ManifestWriter.toYaml(fromYaml)).as(what).isEqualTo(yaml);
    assertThat(ManifestWriter.toJson(fromJson)).as(what).isEqualTo(json);
  }

  private static KubernetesObject readOne(String text, String what) {
    ReadResult r = READER.read(text);
    assertThat(r.diagnostics())
        .as("%s:%n%s", what, text)
        .filteredOn(d -> !d.code().equals("unknown-field"))
        .isEmpty();
    assertThat(r.documents()).as("%s:%n%s", what, text).hasSize(1);
    return r.documents().get(0).object();
  }

  /** Every object of the real-world manifests and of the conformance inputs. */
  private static List<KubernetesObject> corpus() throws IOException {
    List<KubernetesObject> out = new ArrayList<>();
    for (Path file : TestData.realWorldManifests().toList()) {
      READER.read(Files.readAllBytes(file)).documents().forEach(d -> out.add(d.object()));
    }
    for (Path file : yamlFiles("conformance/validation")) {
      READER.read(Files.readAllBytes(file)).documents().stream()
          .map(Document::object)
          .forEach(out::add);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();
    for (Path file : yamlFiles("conformance/planner")) {
      JsonNode scenario = yaml.readTree(file.toFile());
      List<JsonNode> objects = new ArrayList<>();
      objects.add(scenario.path("daemonSet"));
      for (String list : List.of("nodes", "pods", "revisions")) {
        scenario.path(list).forEach(objects::add);
      }
      for (JsonNode node : objects) {
        if (node.isObject()) {
          out.addAll(
              READER.read(json.writeValueAsString(node)).documents().stream()
                  .map(Document::object)
                  .toList());
        }
      }
    }
    return out;
  }

  private static List<Path> yamlFiles(String dir) throws IOException {
    try (Stream<Path> files = Files.list(TestData.path(dir))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Pieces of strings: what YAML readers retype, what YAML syntax means, and plain text. */
  private static final String[] ATOMS = {
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "N",
    "~",
    "null",
    "Null",
    "true",
    "False",
    "0",
    "-0",
    "0640",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1e3",
    "-1.5E-7",
    ".5",
    "+1",
    "1:20",
    "-1:30:00",
    ".inf",
    "-.Inf",
    ".NaN",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5",
    "12:30:45",
    "-",
    "- ",
    "?",
    ":",
    ": ",
    " #",
    "#",
    "'",
    "\"",
    "\\",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "\r",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&a",
    "*a",
    "!",
    "!!str",
    "|",
    ">",
    "%",
    "@",
    "`",
    "<<",
    "---",
    "...",
    "=",
    "é",
    "ü",
    "日本",
    "Ｆｕｌｌ",
    "\uD83D\uDE00",
    "\u0085",
    "\u00A0",
    "\u2028",
    "\u2029",
    "\uFEFF",
    "\u007F",
    "\u0000",
    "\u001B",
    "\u0009x",
    "a",
    "b",
    "app",
    "example.com/key",
    "nginx:1.27",
    "http://x",
    "x".repeat(90)
  };

  private static String string(Random random) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(4);
    for (int k = 0; k <= n; k++) {
      s.append(ATOMS[random.nextInt(ATOMS.length)]);
    }
    return s.toString();
  }

  private static Map<String, String> strings(Random random) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      out.put(string(random), string(random));
    }
    return out;
  }

  /** A random JSON object; numbers in the canonical form both readers give. */
  private static JsonValue.Obj tree(Random random, int depth) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    int n = random.nextInt(depth == 0 ? 4 : 3);
    for (int i = 0; i < n; i++) {
      // keys that the model does not know, so they are kept as unknown fields
      members.put("x-" + string(random), value(random, depth + 1));
    }
    return new JsonValue.Obj(members);
  }

  private static JsonValue value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> JsonValue.of(string(random));
      case 1 -> new JsonValue.Num(Long.toString(random.nextLong() >> random.nextInt(64)));
      case 2 -> new JsonValue.Num(YamlScalars.formatFloat(random.nextGaussian() * 1e6));
      case 3 -> JsonValue.of(random.nextBoolean());
      case 4 -> JsonValue.NULL;
      case 5 -> tree(random, depth);
      default -> {
        List<JsonValue> elements = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          elements.add(value(random, depth + 1));
        }
        yield new JsonValue.Arr(elements);
      }
    };
  }
}
