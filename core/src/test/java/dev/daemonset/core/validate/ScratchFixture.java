package dev.daemonset.core.validate;

import dev.daemonset.api.Diagnostic;
import dev.daemonset.api.Document;
import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.DaemonSet;
import dev.daemonset.core.read.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchFixture {
  @Test
  void dump() throws Exception {
    StringBuilder b = new StringBuilder();
    ReadResult r = ManifestReader.defaults().read(Files.readAllBytes(Path.of(System.getProperty("fx", "/work/shared/k8s-api-testdata/HEAD/apps.v1.DaemonSet.yaml"))));
    r.diagnostics().forEach(x -> b.append("READ ").append(x).append('\n'));
    for (Document d : r.documents()) {
      for (Diagnostic x : DaemonSetValidator.validate((DaemonSet) d.object(), d.sourceMap())) {
        b.append(ValidationConformanceTest.render(x)).append('\n');
      }
    }
    Files.writeString(Path.of("/tmp/scratch/fixture.txt"), b.toString());
  }
}
