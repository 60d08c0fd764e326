package dev.daemonset.core.internal.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares the strings one read keeps: a cluster repeats the same label keys and values, namespaces,
 * kinds, owner names, phases and condition types on every node and pod, and one instance of each
 * keeps a snapshot small (a 65,000-node cluster holds a few thousand distinct short strings, and
 * millions of references to them).
 *
 * <p>A direct-mapped table of the last string seen per hash slot, so it stays small however many
 * distinct strings pass through (a unique name costs one slot, replaced by the next). Not
 * thread-safe; one per read. Long strings are not shared (they are rarely repeated).
 */
public final class Strings {
  private static final int SLOTS = 1 << 13;
  private static final int LONGEST = 64;

  private final String[] table = new String[SLOTS];

  /**
   * Node names, all of them: a pod names its node twice (in {@code spec.nodeName} and in the
   * affinity that pins it), often long after the node itself, when the table above has forgotten
   * it. Held only while one input is read.
   */
  private final Map<String, String> names = new HashMap<>();

  /** The shared instance equal to {@code chars[offset, offset + length)}. */
  public String of(char[] chars, int offset, int length) {
    if (length > LONGEST) {
      return new String(chars, offset, length);
    }
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + chars[offset + i];
    }
    int slot = spread(h);
    String s = table[slot];
    if (s != null && s.length() == length && s.hashCode() == h && equals(s, chars, offset)) {
      return s;
    }
    s = new String(chars, offset, length);
    table[slot] = s;
    return s;
  }

  /** The shared instance equal to the ASCII bytes {@code bytes[offset, offset + length)}. */
  public String ofAscii(byte[] bytes, int offset, int length) {
    if (length > LONGEST) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + bytes[offset + i];
    }
    int slot = spread(h);
    String s = table[slot];
    if (s != null && s.length() == length && s.hashCode() == h && equals(s, bytes, offset)) {
      return s;
    }
    s = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    table[slot] = s;
    return s;
  }

  /** The shared instance equal to {@code s} (or {@code s} itself, which becomes the shared one). */
  public String of(String s) {
    if (s.length() > LONGEST) {
      return s;
    }
    int slot = spread(s.hashCode());
    String known = table[slot];
    if (s.equals(known)) {
      return known;
    }
    table[slot] = s;
    return s;
  }

  /** The shared instance of the node name {@code s}. */
  public String name(String s) {
    String known = names.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  private static int spread(int h) {
    return (h ^ (h >>> 13)) & (SLOTS - 1);
  }

  private static boolean equals(String s, char[] chars, int offset) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equals(String s, byte[] bytes, int offset) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != bytes[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
