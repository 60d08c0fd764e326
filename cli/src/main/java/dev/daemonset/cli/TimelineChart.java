package dev.daemonset.cli;

import dev.daemonset.api.simulate.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * {@code simulate -o svg}: the timeline as a chart of updated, available and unavailable nodes over
 * time, with the budget (what maxUnavailable allows) as a dashed line and a stall marked, drawn by
 * JFreeChart into a JFreeSVG document a browser shows as it is.
 *
 * <p>Each series is drawn as one SVG path of steps (the counters hold between samples), in the
 * order {@link #SERIES}, with element hints on, so that the document names its series: a test reads
 * the values back from it.
 */
final class TimelineChart {
  /**
   * The y axis runs from 0 to this plus the largest count; the x axis from 0 to the last sample.
   */
  static final int HEADROOM = 1;

  /** The series, in drawing order. */
  static final List<String> SERIES = List.of("updated", "available", "unavailable", "allowed");

  static final int WIDTH = 800;
  static final int HEIGHT = 420;

  static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x7f7f7f)
  };

  private TimelineChart() {}

  static String svg(Timeline t) {
    System.setProperty("java.awt.headless", "true"); // a command-line tool draws off screen
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries[] series = new XYSeries[SERIES.size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = new XYSeries(SERIES.get(i), false, true);
      data.addSeries(series[i]);
    }
    double[] previous = null;
    double top = 1;
    double end = 1;
    for (Timeline.Sample s : t.samples()) {
      top = Math.max(top, Math.max(s.desired(), s.allowed()));
      end = Math.max(end, s.at().toMillis() / 1000.0);
      double x = s.at().toMillis() / 1000.0;
      double[] values = {s.updated(), s.available(), s.unavailable(), s.allowed()};
      for (int i = 0; i < series.length; i++) {
        if (previous != null && previous[i] != values[i]) {
          series[i].add(x, previous[i]); // a step: the old value up to this moment
        }
        series[i].add(x, values[i]);
      }
      previous = values;
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Rollout of " + t.daemonSet() + ": " + summary(t),
            "seconds since the start",
            "nodes",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.setElementHinting(true);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < series.length; i++) {
      renderer.setSeriesPaint(i, COLORS[i]);
      renderer.setSeriesStroke(
          i,
          i == 3
              ? new BasicStroke(
                  1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
              : new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    // Fixed ranges, so that a reader (and the test) can map the drawing back to the numbers: x from
    // 0 to the last sample, y from 0 to the largest count or budget plus one.
    plot.getDomainAxis().setRange(0, end);
    plot.getRangeAxis().setRange(0, top + HEADROOM);
    Timeline.Stall stall = t.stall();
    if (stall != null) {
      ValueMarker marker = new ValueMarker(stall.at().toMillis() / 1000.0);
      marker.setPaint(new Color(0xff7f0e));
      marker.setStroke(new BasicStroke(2f));
      marker.setLabel("stalled: " + stall.cause().name());
      marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(marker);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    g2.setDefsKeyPrefix("rollout"); // not the default's time-based prefix: the same chart each time
    chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
    // no DOCTYPE: a browser needs none, and an XML parser would fetch the DTD
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
  }

  private static String summary(Timeline t) {
    return switch (t.outcome()) {
      case CONVERGED -> "converged after " + Durations.human(t.duration());
      case STALLED -> "stalled after " + Durations.human(t.duration());
      case HORIZON -> "not done within " + Durations.human(t.duration());
    };
  }
}
