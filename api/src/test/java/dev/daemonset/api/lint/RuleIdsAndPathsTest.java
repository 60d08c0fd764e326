package dev.daemonset.api.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.daemonset.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed rule ids and unparseable finding paths are rejected where they are built. */
class RuleIdsAndPathsTest {

  static RuleInfo rule(String id) {
    return new RuleInfo(id, "name", "description", "help", Severity.WARNING);
  }

  @Test
  void kebabCaseIdsAndKubernetesErrorTypesAreAccepted() {
    for (String id :
        List.of(
            "image-tag-latest",
            "a",
            "rule2",
            "k8s-api-1",
            "yaml-ambiguous-scalar",
            "FieldValueInvalid",
            "FieldValueTooMany",
            "InternalError")) {
      assertThat(rule(id).id()).isEqualTo(id);
    }
  }

  @Test
  void malformedIdsAreRejectedNamingTheId() {
    String rest =
        "\": a rule id is kebab-case (lower-case letters and digits in words joined by single"
            + " hyphens, starting with a letter, such as image-tag-latest)";
    for (String id :
        List.of(
            "",
            " ",
            "Image-Tag",
            "image_tag",
            "image--tag",
            "-image",
            "image-",
            "2fast",
            "image tag",
            "FieldValueWrong",
            "fieldValueInvalid")) {
      assertThatIllegalArgumentException()
          .as(id)
          .isThrownBy(() -> rule(id))
          .withMessage("malformed rule id \"" + id + rest);
    }
    assertThat(RuleInfo.isValidId("image-tag-latest")).isTrue();
    assertThat(RuleInfo.isValidId("Image")).isFalse();
  }

  @Test
  void pathsInKubernetesNotationAreAccepted() {
    for (String path :
        List.of(
            "",
            "spec",
            "spec.template.spec.containers[0].image",
            "metadata.labels[app.kubernetes.io/name]",
            "metadata.annotations[a[b]]",
            "spec.template.spec.containers[0].ports[1]",
            "[weird key].x",
            "$x._y1")) {
      assertThat(Finding.at(path, "m").path()).isEqualTo(path);
    }
  }

  @Test
  void unparseablePathsAreRejectedSayingWhere() {
    String rest =
        "; write it in Kubernetes notation, such as spec.template.spec.containers[0].image";
    record Case(String path, String problem) {}
    for (Case c :
        List.of(
            new Case("containers.0.image", "expected a field name at character 12"),
            new Case("spec..selector", "expected a field name at character 6"),
            new Case(".spec", "expected a field name at character 1"),
            new Case("spec.", "expected a field name at character 6"),
            new Case("metadata.labels[app", "the [ at character 16 is not closed"),
            new Case("containers[]", "empty [] at character 11"),
            new Case("containers[0]image", "expected . or [ at character 14"),
            new Case("spec]", "expected . or [ at character 5"),
            new Case("spec template", "expected . or [ at character 5"))) {
      assertThatIllegalArgumentException()
          .as(c.path())
          .isThrownBy(() -> Finding.at(c.path(), "m"))
          .withMessage("unparseable field path \"" + c.path() + "\": " + c.problem() + rest);
    }
  }
}
