package dev.daemonset.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Image references and the pull policy they default to, as upstream's ParseImageName and
 * SetDefaults_Container.
 */
class ImageReferenceTest {

  private static final String SHA =
      "sha256:" + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @ParameterizedTest
  @CsvSource({
    "busybox, docker.io/library/busybox, '', ''",
    "busybox:1.36, docker.io/library/busybox, 1.36, ''",
    "index.docker.io/busybox:1, docker.io/library/busybox, 1, ''",
    "quay.io/prometheus/node-exporter:v1.8.2, quay.io/prometheus/node-exporter, v1.8.2, ''",
    "registry:5000/agent, registry:5000/agent, '', ''",
    "registry:5000/agent:1.0, registry:5000/agent, 1.0, ''",
    "localhost/agent:dev, localhost/agent, dev, ''",
    "[::1]:5000/agent:x, [::1]:5000/agent, x, ''",
    "my_org/my-agent__x:Tag_1, docker.io/my_org/my-agent__x, Tag_1, ''",
    "Registry.Example/agent:1, Registry.Example/agent, 1, ''",
  })
  void parses(String image, String name, String tag, String digest) {
    assertThat(ImageReference.parse(image)).contains(new ImageReference(name, tag, digest));
  }

  @Test
  void digests() {
    assertThat(ImageReference.parse("busybox@" + SHA))
        .contains(new ImageReference("docker.io/library/busybox", "", SHA));
    assertThat(ImageReference.parse("busybox:latest@" + SHA))
        .contains(new ImageReference("docker.io/library/busybox", "latest", SHA));
    assertThat(
            ImageReference.parse(
                "busybox@" + SHA.toUpperCase(java.util.Locale.ROOT).replace("SHA", "sha")))
        .isEmpty();
    assertThat(ImageReference.parse("busybox@sha256:abc")).isEmpty();
    assertThat(ImageReference.parse("busybox@md5:" + "a".repeat(32))).isEmpty();
    assertThat(ImageReference.parse("busybox@sha512:" + "a".repeat(64))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "''",
    "Busybox",
    "library/BusyBox:1",
    "busybox:",
    "busybox:-x",
    "-busybox",
    "a//b",
    "'busybox:1 '",
    "' busybox'",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
  })
  void doesNotParse(String image) {
    assertThat(ImageReference.parse(image)).isEmpty();
  }

  @Test
  void longNamesAndTags() {
    assertThat(ImageReference.parse("a".repeat(200) + ":" + "t".repeat(128))).isPresent();
    assertThat(ImageReference.parse("a".repeat(200) + ":" + "t".repeat(129))).isEmpty();
    assertThat(ImageReference.parse("a".repeat(237))).isPresent(); // docker.io/library/ + 237 = 255
    assertThat(ImageReference.parse("a".repeat(238))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "busybox, Always",
    "busybox:latest, Always",
    "busybox:1.36, IfNotPresent",
    "busybox:Latest, IfNotPresent",
    "registry.example:5000/busybox, Always",
    "registry.example:5000/busybox:1, IfNotPresent",
    "'', IfNotPresent",
    "Busybox:latest, IfNotPresent",
    "busybox@sha256:abc, IfNotPresent",
  })
  void defaultPullPolicy(String image, String policy) {
    assertThat(ImageReference.defaultPullPolicy(image)).isEqualTo(policy);
  }

  @Test
  void digestPullPolicy() {
    assertThat(ImageReference.defaultPullPolicy("busybox@" + SHA)).isEqualTo("IfNotPresent");
    assertThat(ImageReference.defaultPullPolicy("busybox:latest@" + SHA)).isEqualTo("Always");
    assertThat(ImageReference.defaultPullPolicy("busybox:1@" + SHA)).isEqualTo("IfNotPresent");
  }
}
