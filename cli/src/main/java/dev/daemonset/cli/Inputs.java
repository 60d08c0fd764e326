package dev.daemonset.cli;

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
 * .yml} and {@code .json}, in name order), and {@code -} for standard input.
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

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  List<Source> collect(List<String> operands) throws InputException {
    if (operands.isEmpty()) {
      throw new InputException("no input: name files, directories, or - for standard input");
    }
    List<Source> out = new ArrayList<>();
    boolean stdinUsed = false;
    for (String operand : operands) {
      if (operand.equals("-")) {
        if (stdinUsed) {
          throw new InputException("standard input (-) named twice");
        }
        stdinUsed = true;
        out.add(Source.of("<stdin>", readStdin()));
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
          out.add(Source.of(file.toString(), readFile(file)));
        }
      } else if (Files.isRegularFile(path)) {
        out.add(Source.of(operand, readFile(path)));
      } else {
        throw new InputException(operand + ": no such file or directory");
      }
    }
    return out;
  }

  private static List<Path> manifestsUnder(Path dir) throws InputException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(Inputs::isManifest).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(dir + ": cannot list directory: " + e.getMessage());
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

  private static byte[] readFile(Path file) throws InputException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    }
  }

  private byte[] readStdin() throws InputException {
    try {
      return stdin.readAllBytes();
    } catch (IOException e) {
      throw new InputException("<stdin>: cannot read: " + e.getMessage());
    }
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
