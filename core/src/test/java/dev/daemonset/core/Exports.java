package dev.daemonset.core;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/** The packages a module exports to everyone, read from its compiled {@code module-info}. */
final class Exports {
  private Exports() {}

  /** The unqualified exports of the modules that hold {@code inModules}, in name order. */
  static Set<String> of(Class<?>... inModules) {
    Set<String> out = new TreeSet<>();
    for (Class<?> c : inModules) {
      Path root = root(c);
      try {
        ModuleDescriptor d;
        if (Files.isDirectory(root)) {
          try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
          }
        } else {
          try (JarFile jar = new JarFile(root.toFile());
              InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
            d = ModuleDescriptor.read(in);
          }
        }
        d.exports().stream().filter(e -> !e.isQualified()).forEach(e -> out.add(e.source()));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the module descriptor of " + root, e);
      }
    }
    return out;
  }

  /** The classes directory or jar that {@code c} was loaded from. */
  static Path root(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no location for " + c, e);
    }
  }
}
