package dev.daemonset.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lookups of a source map, computed at once or deferred to the first lookup. */
class SourceMapTest {

  private static final Span DOCUMENT = new Span(0, 1, 1, 20, 1);
  private static final Span NAME_KEY = new Span(0, 3, 3, 3, 7);
  private static final Span NAME = new Span(0, 3, 9, 3, 12);
  private static final Span METADATA = new Span(0, 3, 3, 3, 12);
  private static final Span ROOT = new Span(0, 1, 1, 19, 5);

  private static SourceMap computed() {
    return new SourceMap(
        Map.of("", ROOT, "metadata", METADATA, "metadata.name", NAME),
        Map.of("metadata", new Span(0, 2, 1, 2, 9), "metadata.name", NAME_KEY),
        DOCUMENT);
  }

  @Test
  void deferredMapAnswersAsTheMapItComputesAndComputesOnce() {
    AtomicInteger runs = new AtomicInteger();
    SourceMap deferred =
        SourceMap.deferred(
            () -> {
              runs.incrementAndGet();
              return computed();
            });
    assertThat(runs).hasValue(0);
    SourceMap eager = computed();
    for (String path :
        new String[] {"", "metadata", "metadata.name", "metadata.labels[app]", "spec.x"}) {
      assertThat(deferred.value(path)).as(path).isEqualTo(eager.value(path));
      assertThat(deferred.key(path)).as(path).isEqualTo(eager.key(path));
      assertThat(deferred.nearest(path)).as(path).isEqualTo(eager.nearest(path));
      assertThat(deferred.nearestKey(path)).as(path).isEqualTo(eager.nearestKey(path));
    }
    assertThat(deferred.nearest("metadata.labels[app]")).isEqualTo(new Span(0, 2, 1, 2, 9));
    assertThat(deferred.document()).isEqualTo(DOCUMENT);
    assertThat(deferred.size()).isEqualTo(3);
    assertThat(runs).hasValue(1);
  }

  @Test
  void deferredMapMayComputeAnotherDeferredMap() {
    SourceMap twice = SourceMap.deferred(() -> SourceMap.deferred(SourceMapTest::computed));
    assertThat(twice.value("metadata.name")).contains(NAME);
    assertThat(twice.nearest("spec")).isEqualTo(ROOT);
  }

  @Test
  void nullArgumentsThrow() {
    assertThatThrownBy(() -> SourceMap.deferred(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SourceMap.deferred(() -> null).size())
        .isInstanceOf(NullPointerException.class);
  }
}
