package dev.daemonset.cli;

import dev.daemonset.core.config.LintConfig;
import dev.daemonset.core.internal.io.IoReasons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns command-line operands into sources: files, directories (recursively, {@code .yaml}, {@code
 * .yml} and {@code .json}, in name order, without the rules' configuration file), pipes and devices
 * (read once, as a stream), and {@code -} for standard input.
 */
final class Inputs {

  /** Reading an operand failed: a usage or I/O error (exit code 2). */
  static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }

  private final InputStream stdin;

  /** Standard input can be read once per command, across every {@link #collect} call. */
  private boolean stdinUsed;

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  List<Source> collect(List<String> operands) throws InputException {
    if (operands.isEmpty()) {
      throw new InputException("no input: name files, directories, or - for standard input");
    }
    List<Source> out = new ArrayList<>();
    for (String operand : operands) {
      if (operand.equals("-")) {
        if (stdinUsed) {
          throw new InputException("standard input (-) named twice");
        }
        stdinUsed = true;
        out.add(Source.stream("<stdin>", stdin));
        continue;
      }
      Path path;
      try {
        path = Path.of(operand);
      } catch (InvalidPathException e) { // a NUL character, or a name the file system forbids
        throw new InputException(printable(operand) + ": not a valid path: " + e.getReason());
      }
      if (Files.isDirectory(path)) {
        List<Path> files = manifestsUnder(path);
        for (Path file : files) {
          out.add(readable(Source.file(file.toString(), file), file));
        }
      } else if (Files.isRegularFile(path)) {
        out.add(readable(Source.file(operand, path), path));
      } else if (Files.exists(path)) {
        // a pipe (<(helm template .)), /dev/stdin, /dev/null: readable once, so read as a stream
        out.add(Source.stream(operand, open(operand, path)));
      } else if (Files.isSymbolicLink(path)) {
        throw new InputException(operand + ": a symbolic link to nothing (" + target(path) + ")");
      } else {
        throw new InputException(operand + ": no such file or directory");
      }
    }
    return out;
  }

  /**
   * The manifests under {@code dir}: files named {@code .yaml}, {@code .yml} or {@code .json}, but
   * not the configuration file of the rules ({@value LintConfig#FILE_NAME}), in name order. A
   * manifest name that leads nowhere (a broken or looping symbolic link) is an error, not skipped.
   */
  private static List<Path> manifestsUnder(Path dir) throws InputException {
    List<Path> found;
    try (Stream<Path> walk = Files.walk(dir)) {
      found =
          walk.filter(p -> !Files.isDirectory(p))
              .filter(Inputs::isManifest)
              .filter(p -> !p.getFileName().toString().equals(LintConfig.FILE_NAME))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(dir + ": cannot list directory: " + e.getMessage());
    }
    for (Path p : found) {
      if (!Files.exists(p)) {
        throw new InputException(p + ": a symbolic link to nothing (" + target(p) + ")");
      }
    }
    return found;
  }

  /** Where a symbolic link points, as written in it. */
  private static String target(Path link) {
    try {
      return "it points to " + Files.readSymbolicLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      return "its target cannot be read";
    }
  }

  private static InputStream open(String operand, Path path) throws InputException {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) { // permission denied among them
      throw new InputException(operand + ": cannot read: " + IoReasons.of(e));
    }
  }

  /** The operand with control characters shown as \\uXXXX, so an error message prints cleanly. */
  private static String printable(String operand) {
    StringBuilder s = new StringBuilder();
    operand
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                s.append(String.format(Locale.ROOT, "\\u%04X", c));
              } else {
                s.appendCodePoint(c);
              }
            });
    return s.toString();
  }

  static boolean isManifest(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** The source of a file that can be read (the commands read it later). */
  private static Source readable(Source source, Path file) throws InputException {
    if (!Files.isReadable(file)) {
      throw new InputException(file + ": cannot read: permission denied");
    }
    return source;
  }

  /**
   * Bytes to text. Valid UTF-8 is decoded strictly; anything else is passed through with
   * replacement characters so the reader reports it as a located encoding error.
   */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
