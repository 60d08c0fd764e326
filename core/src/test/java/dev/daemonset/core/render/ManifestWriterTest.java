package dev.daemonset.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.model.EnvVar;
import dev.daemonset.api.model.OwnerReference;
import dev.daemonset.api.model.Pod;
import dev.daemonset.core.Fixtures;
import dev.daemonset.core.Seeds;
import dev.daemonset.core.read.ManifestReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Seeds.class)
class ManifestWriterTest {

  /** The pod these tests write, without labels or containers: the agent's, on node-1. */
  private static final Pod AGENT_X =
      Fixtures.pod("agent-x")
          .namespace("kube-system")
          .uid("")
          .owners(List.of(OwnerReference.controllerOf("DaemonSet", "apps/v1", "agent", "u1")))
          .on("node-1")
          .noStatus()
          .build();

  @Test
  void yamlIsDeterministicInKubernetesOrderAndQuotesWhatKubectlWouldRetype() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", "agent");
    labels.put("enabled", "yes");
    labels.put("mode", "0640");
    labels.put("on", "1:20");
    Pod pod =
        Fixtures.pod(AGENT_X)
            .labels(labels)
            .spec(
                Fixtures.podSpec(
                    Fixtures.newContainer("c", "registry.example/agent:1.0")
                        .env(List.of(new EnvVar("EMPTY", "", null), new EnvVar("N", "1.0", null)))
                        .build()))
            .build();
    assertThat(ManifestWriter.toYaml(pod))
        .isEqualTo(
            """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent-x
          namespace: kube-system
          labels:
            app: agent
            enabled: "yes"
            mode: "0640"
            "on": "1:20"
          ownerReferences:
          - apiVersion: apps/v1
            kind: DaemonSet
            name: agent
            uid: u1
            controller: true
            blockOwnerDeletion: true
        spec:
          containers:
          - name: c
            image: registry.example/agent:1.0
            env:
            - name: EMPTY
            - name: "N"
              value: "1.0"
          nodeName: node-1
        """);
  }

  @Test
  void jsonIsPrettyAndReadsBack() {
    Pod pod =
        Fixtures.pod(AGENT_X)
            .labels(Map.of("app", "agent"))
            .spec(
                Fixtures.podSpec(
                    Fixtures.newContainer("c", "registry.example/agent:1.0")
                        .env(List.of())
                        .build()))
            .build();
    String json = ManifestWriter.toJson(pod);
    assertThat(json)
        .startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\n");
    ReadResult r = ManifestReader.defaults().read(json);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.pods()).containsExactly(pod);
  }

  @Test
  void randomStringsSurviveYamlUnchanged() {
    long seed = 7L;
    Seeds.use(seed);
    Random random = new Random(seed);
    String[] atoms = {
      "yes",
      "no",
      "on",
      "y",
      "~",
      "null",
      "0",
      "0640",
      "0x1F",
      "1_000",
      "1e3",
      ".5",
      "1:20",
      ".inf",
      "-",
      "?",
      ":",
      ": ",
      " #",
      "#",
      "'",
      "\"",
      "\\",
      "\n",
      "\t",
      " ",
      "{",
      "}",
      "[",
      "]",
      ",",
      "&",
      "*",
      "!",
      "|",
      ">",
      "%",
      "@",
      "`",
      "<<",
      "---",
      "...",
      "é",
      "\uD83D\uDE00",
      "a",
      "b",
      "true",
      "False",
      "=",
      "\r\n"
    };
    for (int round = 0; round < 300; round++) {
      List<EnvVar> env = new ArrayList<>();
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < 5; i++) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int k = 0; k <= n; k++) {
          s.append(atoms[random.nextInt(atoms.length)]);
        }
        env.add(new EnvVar("V" + i, s.toString(), null));
        labels.put(s.toString(), s.toString());
      }
      Pod pod =
          Fixtures.pod(AGENT_X)
              .labels(labels)
              .spec(
                  Fixtures.podSpec(
                      Fixtures.newContainer("c", "registry.example/agent:1.0").env(env).build()))
              .build();
      String yaml = ManifestWriter.toYaml(pod);
      ReadResult r = ManifestReader.defaults().read(yaml);
      assertThat(r.diagnostics())
          .as("seed %d round %d:\n%s", seed, round, yaml)
          .filteredOn(d -> d.severity().compareTo(dev.daemonset.api.Severity.WARNING) >= 0)
          .isEmpty();
      assertThat(r.pods()).as("seed %d round %d:\n%s", seed, round, yaml).containsExactly(pod);
    }
  }
}
