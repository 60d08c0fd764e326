package dev.daemonset.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The model's string maps (labels, annotations, selectors): key order, immutability, no re-copying.
 */
class StringMapsTest {

  private static Map<String, String> labels() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("zone", "b");
    in.put("app", "agent");
    in.put("kubernetes.io/os", "linux");
    return ObjectMeta.EMPTY.withLabels(in).labels();
  }

  @Test
  void iterateInKeyOrderWhateverTheInputOrder() {
    Map<String, String> labels = labels();
    assertThat(labels.keySet()).containsExactly("app", "kubernetes.io/os", "zone");
    assertThat(labels.values()).containsExactly("agent", "linux", "b");
    assertThat(labels.get("zone")).isEqualTo("b");
    assertThat(labels.get("missing")).isNull();
    assertThat(labels.containsKey("app")).isTrue();
    assertThat(labels)
        .isEqualTo(Map.of("app", "agent", "kubernetes.io/os", "linux", "zone", "b"))
        .hasSameHashCodeAs(
            new HashMap<>(Map.of("app", "agent", "kubernetes.io/os", "linux", "zone", "b")));
    assertThat(labels.toString()).isEqualTo("{app=agent, kubernetes.io/os=linux, zone=b}");
  }

  @Test
  void largeMapsAreSearchedAndIteratedInKeyOrderToo() {
    Map<String, String> in = new HashMap<>();
    for (int i = 40; i > 0; i--) {
      in.put("key-" + (char) ('a' + i % 26) + i, "v" + i);
    }
    Map<String, String> map = ObjectMeta.EMPTY.withAnnotations(in).annotations();
    assertThat(map).isEqualTo(in).hasSize(40);
    for (Map.Entry<String, String> e : in.entrySet()) {
      assertThat(map.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(map.get("key-a0")).isNull();
    assertThat(map.get("zzz")).isNull();
    assertThat(map.get("")).isNull();
    assertThat(new ArrayList<>(map.keySet())).isSortedAccordingTo(Comparator.naturalOrder());
    List<String> visited = new ArrayList<>();
    map.forEach((k, v) -> visited.add(k + "=" + v));
    assertThat(visited).hasSize(40).first().isEqualTo("key-a26=v26");
  }

  @Test
  @SuppressWarnings("CollectionIncompatibleType") // a lookup by a key of another type, on purpose
  void lookupsOfOtherTypesAndExhaustedIterators() {
    Map<String, String> labels = labels();
    assertThat(labels.get(42)).isNull();
    assertThat(labels.containsKey(null)).isFalse();
    Iterator<Map.Entry<String, String>> it = labels.entrySet().iterator();
    assertThat(it.next()).isEqualTo(Map.entry("app", "agent"));
    it.next();
    assertThat(it.next()).isEqualTo(Map.entry("zone", "b"));
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void cannotBeChangedThroughAnyView() {
    Map<String, String> labels = labels();
    assertThatThrownBy(() -> labels.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.remove("app"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(labels::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.keySet().remove("app"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.entrySet().iterator().next().setValue("v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.replaceAll((k, v) -> v))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(labels).hasSize(3);
  }

  @Test
  void aCopyOfTheModelsOwnMapIsTheSameMap() {
    ObjectMeta meta = ObjectMeta.EMPTY.withLabels(labels());
    assertThat(meta.withName("n").labels()).isSameAs(meta.labels());
    Map<String, String> copied = new HashMap<>(meta.labels());
    assertThat(ObjectMeta.EMPTY.withLabels(copied).labels()).isNotSameAs(copied).isEqualTo(copied);
  }

  @Test
  void nullKeysAndValuesAreRefusedAndEmptyIsEmpty() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> ObjectMeta.EMPTY.withLabels(nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThatThrownBy(() -> ObjectMeta.EMPTY.withLabels(nullKey))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThat(ObjectMeta.EMPTY.withLabels(Map.of()).labels()).isEmpty();
  }
}
