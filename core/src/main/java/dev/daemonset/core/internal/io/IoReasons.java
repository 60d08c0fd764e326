package dev.daemonset.core.internal.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read, in words a user reads: never an exception's class name. */
public final class IoReasons {
  private IoReasons() {}

  /**
   * {@code no such file}, {@code permission denied}, the system's own reason ({@code Is a
   * directory}), else the exception's message.
   */
  public static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    return m != null ? m : "an I/O error (" + e.getClass().getSimpleName() + ")";
  }
}
