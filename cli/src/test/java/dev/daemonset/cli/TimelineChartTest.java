package dev.daemonset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daemonset.api.ReadResult;
import dev.daemonset.api.plan.ClusterSnapshot;
import dev.daemonset.api.simulate.SimulationOptions;
import dev.daemonset.api.simulate.Timeline;
import dev.daemonset.core.read.ManifestReader;
import dev.daemonset.core.simulate.Simulator;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG chart is XML, and its series can be read back from it: each series' path, mapped from the
 * plot area to the axes' ranges, gives the samples' values. The chart the docs show is current.
 */
class TimelineChartTest {
  static final Path DOCS_IMAGE = CliProcessIT.ROOT.resolve("docs/images/node-agent-rollout.svg");
  private static final Pattern POINT = Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)");
  private static final Pattern RECT =
      Pattern.compile("M(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)");

  /** The docs' example: node-agent.yaml rolled out on cluster.yaml with an unready worker. */
  static Timeline example() throws IOException {
    ReadResult ds =
        ManifestReader.defaults()
            .read(Files.readAllBytes(CliProcessIT.ROOT.resolve("src/examples/node-agent.yaml")));
    ReadResult cluster =
        ManifestReader.defaults()
            .read(Files.readAllBytes(CliProcessIT.ROOT.resolve("src/examples/cluster.yaml")));
    return Simulator.simulate(
        ds.daemonSets().get(0),
        new ClusterSnapshot(cluster.nodes(), cluster.pods(), cluster.controllerRevisions()),
        Instant.parse(CliTest.NOW),
        SimulationOptions.DEFAULTS);
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSeriesReadBackFromTheSvgAreTheSamples() throws Exception {
    Timeline t = example();
    Document svg = parse(TimelineChart.svg(t));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    double end = 1;
    double top = 1;
    for (Timeline.Sample s : t.samples()) {
      end = Math.max(end, s.at().toMillis() / 1000.0);
      top = Math.max(top, Math.max(s.desired(), s.allowed()));
    }
    top += TimelineChart.HEADROOM;
    for (int series = 0; series < TimelineChart.SERIES.size(); series++) {
      Element path = seriesPath(svg, TimelineChart.COLORS[series]);
      double[] area = plotArea(svg, path);
      List<double[]> points = new ArrayList<>();
      Matcher m = POINT.matcher(path.getAttribute("d"));
      while (m.find()) {
        double x = Double.parseDouble(m.group(1));
        double y = Double.parseDouble(m.group(2));
        points.add(
            new double[] {
              (x - area[0]) / (area[2] - area[0]) * end, (area[3] - y) / (area[3] - area[1]) * top
            });
      }
      // every sample's value is drawn at its time (the last point drawn at that time)
      for (Timeline.Sample s : t.samples()) {
        double at = s.at().toMillis() / 1000.0;
        double expected =
            switch (series) {
              case 0 -> s.updated();
              case 1 -> s.available();
              case 2 -> s.unavailable();
              default -> s.allowed();
            };
        double drawn = Double.NaN;
        for (double[] p : points) {
          if (Math.abs(p[0] - at) <= end / 1000) {
            drawn = p[1];
          }
        }
        assertThat(drawn)
            .as("%s at %s s", TimelineChart.SERIES.get(series), at)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(top / 200));
      }
    }
  }

  /** The one path of the plot drawn in this colour (the legend's sample is a two-point line). */
  private static Element seriesPath(Document svg, Color c) {
    String stroke =
        String.format(Locale.ROOT, "stroke:rgb(%d,%d,%d)", c.getRed(), c.getGreen(), c.getBlue());
    NodeList groups = svg.getElementsByTagName("g");
    Element found = null;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (!g.getAttribute("style").contains(stroke)) {
        continue;
      }
      NodeList paths = g.getElementsByTagName("path");
      for (int j = 0; j < paths.getLength(); j++) {
        Element p = (Element) paths.item(j);
        if (p.getAttribute("d").split("L").length > 2) {
          assertThat(found).as("one series path in %s", stroke).isNull();
          found = p;
        }
      }
    }
    assertThat(found).as("a series path in %s", stroke).isNotNull();
    return found;
  }

  /** The plot area: the clip rectangle the series is drawn in, as {x0, y0, x1, y1}. */
  private static double[] plotArea(Document svg, Element path) {
    String clip = ((Element) path.getParentNode()).getAttribute("clip-path");
    String id = clip.substring(clip.indexOf('#') + 1, clip.indexOf(')'));
    NodeList clips = svg.getElementsByTagName("clipPath");
    for (int i = 0; i < clips.getLength(); i++) {
      Element c = (Element) clips.item(i);
      if (c.getAttribute("id").equals(id)) {
        Matcher m =
            RECT.matcher(((Element) c.getElementsByTagName("path").item(0)).getAttribute("d"));
        assertThat(m.find()).isTrue();
        double[] xs = {
          Double.parseDouble(m.group(1)),
          Double.parseDouble(m.group(3)),
          Double.parseDouble(m.group(5))
        };
        double[] ys = {
          Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(4)),
          Double.parseDouble(m.group(6))
        };
        return new double[] {min(xs), min(ys), max(xs), max(ys)};
      }
    }
    throw new AssertionError("no clip path " + id);
  }

  private static double min(double[] v) {
    return Math.min(v[0], Math.min(v[1], v[2]));
  }

  private static double max(double[] v) {
    return Math.max(v[0], Math.max(v[1], v[2]));
  }

  /**
   * docs/images/node-agent-rollout.svg is this chart. Regenerate it with {@code mvn -B -pl cli -am
   * test -Dtest=TimelineChartTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.regenerate=true}.
   * Text is laid out with the JDK's font metrics, so coordinates are compared to the pixel; the
   * texts (title, ticks, legend) and the shape of every path exactly.
   */
  @Test
  void theDocsChartIsCurrent() throws Exception {
    String svg = TimelineChart.svg(example());
    if (Boolean.getBoolean("docs.regenerate")) {
      Files.createDirectories(DOCS_IMAGE.getParent());
      Files.writeString(DOCS_IMAGE, svg, StandardCharsets.UTF_8);
    }
    String committed = Files.readString(DOCS_IMAGE, StandardCharsets.UTF_8);
    parse(committed);
    assertThat(rounded(committed))
        .as("docs/images/node-agent-rollout.svg is stale: regenerate it (see this test's Javadoc)")
        .isEqualTo(rounded(svg));
  }

  private static String rounded(String svg) {
    Matcher m = Pattern.compile("-?[0-9]+\\.[0-9]+").matcher(svg);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Long.toString(Math.round(Double.parseDouble(m.group()) / 4)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
