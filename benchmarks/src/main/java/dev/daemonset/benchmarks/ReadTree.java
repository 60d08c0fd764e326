package dev.daemonset.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;

/**
 * The floor of {@code daemonset plan} end to end: a fresh JVM that reads a dump with Jackson's
 * {@code readTree} and counts its items, nothing else. Timed beside the CLI from the shell ({@code
 * /usr/bin/time -v}), as {@code benchmarks/README.md} shows.
 */
public final class ReadTree {
  private ReadTree() {}

  public static void main(String[] args) throws IOException {
    File file = new File(args[0]);
    ObjectMapper mapper = file.getName().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
    JsonNode tree = mapper.readTree(file);
    System.out.println(tree.path("items").size() + " items");
  }
}
