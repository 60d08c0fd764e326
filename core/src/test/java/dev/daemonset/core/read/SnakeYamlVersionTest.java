package dev.daemonset.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Fails when the SnakeYAML on the class path is not the one {@link TextReader} (a subclass of its
 * {@code StreamReader}) and {@code BlockYamlParser} (which must agree with its parser event for
 * event) were last checked against: a SnakeYAML upgrade is a decision, taken with the checklist in
 * {@code SNAKEYAML-UPGRADE.md} beside {@code TextReader}, never a side effect of a dependency bump.
 */
class SnakeYamlVersionTest {

  /** The version the checklist was last walked for; change it only at its last step. */
  static final String CHECKED = "2.5";

  @Test
  void snakeYamlIsTheVersionTheFastReadersWereCheckedAgainst() throws IOException {
    Properties pom = new Properties();
    try (InputStream in =
        StreamReader.class.getResourceAsStream(
            "/META-INF/maven/org.yaml/snakeyaml/pom.properties")) {
      assertThat(in).as("SnakeYAML's pom.properties").isNotNull();
      pom.load(in);
    }
    assertThat(pom.getProperty("version"))
        .as(
            "SnakeYAML changed: walk core/src/main/java/dev/daemonset/core/read/SNAKEYAML-UPGRADE.md"
                + " before changing SnakeYamlVersionTest.CHECKED")
        .isEqualTo(CHECKED);
  }
}
