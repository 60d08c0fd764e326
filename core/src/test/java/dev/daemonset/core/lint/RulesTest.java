package dev.daemonset.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.lint.RuleInfo;
import org.junit.jupiter.api.Test;

/**
 * The rule list's ids are unique. That every reader code is described is checked by {@code
 * read.ReaderCodeTest}, over the typed catalogue of reader codes instead of the sources.
 */
class RulesTest {

  @Test
  void ruleIdsAreUnique() {
    assertThat(Linter.defaults().rules().stream().map(RuleInfo::id).toList())
        .doesNotHaveDuplicates();
  }
}
