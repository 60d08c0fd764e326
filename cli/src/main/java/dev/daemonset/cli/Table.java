package dev.daemonset.cli;

import java.io.PrintWriter;
import java.util.List;

/** A plain text table: columns padded to their widest cell, the last column unpadded. */
final class Table {
  private Table() {}

  static void write(List<String[]> rows, String indent, PrintWriter out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        sb.append(i == columns - 1 ? row[i] : pad(row[i], width[i] + 2));
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
