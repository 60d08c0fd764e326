package dev.daemonset.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonSupportTest {
  private static Version v(int major, int minor, int patch) {
    return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-core");
  }

  @Test
  void versionsCompareByNumberNotByArtifact() {
    assertThat(JacksonSupport.older(v(2, 14, 3), JacksonSupport.MINIMUM)).isTrue();
    assertThat(JacksonSupport.older(v(1, 99, 0), JacksonSupport.MINIMUM)).isTrue();
    assertThat(JacksonSupport.older(v(2, 15, 0), JacksonSupport.MINIMUM)).isFalse();
    assertThat(JacksonSupport.older(v(2, 22, 3), JacksonSupport.MINIMUM)).isFalse();
    assertThat(JacksonSupport.older(v(3, 0, 0), JacksonSupport.MINIMUM)).isFalse();
  }

  @Test
  void theJacksonOfThisBuildIsSupported() {
    JacksonSupport.require();
    assertThat(JacksonSupport.unlimitedReading()).isNotNull();
  }
}
