package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryChartTest {

  @TempDir
  Path dir;

  /** Four points in the corners of [-1, 1]², labelled by the sign of x1. */
  private static final double[][] CORNERS = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
  private static final int[] BY_SIGN = {0, 0, 1, 1};
  private static final ToIntFunction<double[]> RIGHT_IS_CLASS_1 = p -> p[0] > 0 ? 1 : 0;

  @Test
  void paints_each_half_in_the_region_color_of_its_predicted_class() throws Exception {
    DecisionBoundaryChart chart = DecisionBoundaryChart.of("sign of x1", RIGHT_IS_CLASS_1, CORNERS, BY_SIGN);
    Path file = dir.resolve("decision_boundary.png");
    chart.writePng(file);

    BufferedImage image = Pngs.read(file, 700, 700);
    Layout layout = Layout.of(chart, 700, 700);
    assertThat(rgb(image, layout.pixel(-0.5, 0))).isEqualTo(rgb(Palette.region(0).getRGB()));
    assertThat(rgb(image, layout.pixel(0.5, 0))).isEqualTo(rgb(Palette.region(1).getRGB()));
    assertThat(rgb(image, layout.pixel(-1.1, -1.1))).isEqualTo(rgb(Palette.region(0).getRGB()));
    assertThat(rgb(image, layout.pixel(1.1, 1.1))).isEqualTo(rgb(Palette.region(1).getRGB()));
  }

  @Test
  void draws_each_point_in_the_dark_color_of_its_label() throws Exception {
    DecisionBoundaryChart chart =
        new DecisionBoundaryChart("sign of x1", RIGHT_IS_CLASS_1, CORNERS, BY_SIGN, List.of("left", "right"), 20);
    Path file = dir.resolve("points.png");
    chart.writePng(file, 300, 300);

    BufferedImage image = Pngs.read(file, 300, 300);
    Layout layout = Layout.of(chart, 300, 300);
    assertThat(rgb(image, layout.pixel(-1, 1))).isEqualTo(rgb(Palette.point(0).getRGB()));
    assertThat(rgb(image, layout.pixel(1, -1))).isEqualTo(rgb(Palette.point(1).getRGB()));
  }

  @Test
  void the_range_is_the_data_plus_a_tenth_on_every_side() {
    DecisionBoundaryChart.Bounds b = DecisionBoundaryChart.of("t", RIGHT_IS_CLASS_1,
        new double[][] {{0, 10}, {2, 30}}, new int[] {0, 1}).bounds();

    assertThat(b.xMin()).isCloseTo(-0.2, within(1e-12));
    assertThat(b.xMax()).isCloseTo(2.2, within(1e-12));
    assertThat(b.yMin()).isCloseTo(8, within(1e-12));
    assertThat(b.yMax()).isCloseTo(32, within(1e-12));
  }

  @Test
  void a_single_point_gets_a_margin_of_one() {
    DecisionBoundaryChart.Bounds b =
        DecisionBoundaryChart.of("t", p -> 0, new double[][] {{3, 4}}, new int[] {0}).bounds();

    assertThat(b).isEqualTo(new DecisionBoundaryChart.Bounds(2, 4, 3, 5));
  }

  @Test
  void asks_the_classifier_at_every_cell_center_row_by_row_from_the_top() {
    List<double[]> asked = new java.util.ArrayList<>();
    DecisionBoundaryChart chart = new DecisionBoundaryChart("t", p -> {
      asked.add(p);
      return 0;
    }, new double[][] {{0, 0}, {10, 20}}, new int[] {0, 0}, List.of("only"), 2);
    chart.predictions();

    // x from -1 to 11 and y from -2 to 22: cells 6 wide and 12 high.
    assertThat(asked).containsExactly(
        new double[] {2, 16}, new double[] {8, 16}, new double[] {2, 4}, new double[] {8, 4});
  }

  @Test
  void shows_up_to_ten_classes() throws Exception {
    int n = 10;
    double[][] points = new double[n][];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      points[k] = new double[] {k, k % 3};
      labels[k] = k;
    }
    Path file = dir.resolve("ten.png");
    new DecisionBoundaryChart("ten", p -> (int) Math.max(0, Math.min(9, Math.round(p[0]))), points, labels,
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 50).writePng(file, 300, 300);

    BufferedImage image = Pngs.read(file, 300, 300);
    for (int k = 0; k < n; k++) {
      assertThat(Pngs.count(image, Palette.region(k).getRGB())).as("region of class " + k).isGreaterThan(50);
    }
  }

  @Test
  void a_negative_class_from_the_classifier_is_an_error() {
    DecisionBoundaryChart chart = DecisionBoundaryChart.of("t", p -> -1, CORNERS, BY_SIGN);

    assertThatThrownBy(() -> chart.writePng(dir.resolve("x.png")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the classifier returned class -1 at (-1.194, 1.194); classes are numbered from 0");
  }

  /** {@code n} points on a line, point k of class k, and a classifier that returns the nearest point's class. */
  private static DecisionBoundaryChart classesOnALine(int n, List<String> names) {
    double[][] points = new double[n][];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      points[k] = new double[] {k, k % 3};
      labels[k] = k;
    }
    return new DecisionBoundaryChart("many", p -> (int) Math.max(0, Math.min(n - 1, Math.round(p[0]))), points,
        labels, names, 4 * n);
  }

  private static List<String> names(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(k -> "c" + k).toList();
  }

  @Test
  void shows_twelve_classes_each_in_a_color_of_its_own() throws Exception {
    Path file = dir.resolve("twelve.png");
    classesOnALine(12, names(12)).writePng(file, 400, 400);

    BufferedImage image = Pngs.read(file, 400, 400);
    for (int k = 0; k < 12; k++) {
      assertThat(Pngs.count(image, Palette.region(k).getRGB())).as("region of class " + k).isGreaterThan(50);
    }
    assertThat(classesOnALine(12, names(12)).toJFreeChart().getLegend()).isNotNull();
  }

  @Test
  void past_twenty_classes_the_title_gives_their_number_instead_of_a_legend() throws Exception {
    DecisionBoundaryChart chart = classesOnALine(30, names(30));
    Path file = dir.resolve("thirty.png");
    chart.writePng(file, 400, 400);

    JFreeChart drawn = chart.toJFreeChart();
    assertThat(drawn.getLegend()).isNull();
    assertThat(drawn.getTitle().getText()).isEqualTo("many (30 classes)");
    BufferedImage image = Pngs.read(file, 400, 400);
    for (int k = 0; k < 30; k++) {
      assertThat(Pngs.count(image, Palette.region(k).getRGB())).as("region of class " + k).isGreaterThan(20);
    }
  }

  @Test
  void every_class_color_is_distinct() {
    java.util.Set<Integer> regions = new java.util.HashSet<>();
    java.util.Set<Integer> points = new java.util.HashSet<>();
    for (int k = 0; k < 100; k++) {
      regions.add(Palette.region(k).getRGB());
      points.add(Palette.point(k).getRGB());
    }
    assertThat(regions).hasSize(100);
    assertThat(points).hasSize(100);
  }

  @Test
  void a_predicted_class_without_a_name_is_an_error() {
    DecisionBoundaryChart chart =
        new DecisionBoundaryChart("t", p -> 2, CORNERS, BY_SIGN, List.of("left", "right"), 2);

    assertThatThrownBy(chart::predictions)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the classifier returned class 2 at (-0.6, 0.6) but only 2 class names were given: [left, right]");
  }

  @Test
  void needs_two_dimensional_points() {
    assertThatThrownBy(() -> DecisionBoundaryChart.of("t", p -> 0, new double[][] {{1, 2}, {1, 2, 3}}, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a decision boundary needs 2-D points, point 1 has 3 features; plot two features or use a 2-D data set");
  }

  @Test
  void needs_one_label_per_point() {
    assertThatThrownBy(() -> DecisionBoundaryChart.of("t", p -> 0, CORNERS, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a decision boundary needs one label per point, got 1 labels for 4 points");
  }

  @Test
  void refuses_negative_labels_and_points_that_are_not_finite() {
    assertThatThrownBy(() -> DecisionBoundaryChart.of("t", p -> 0, CORNERS, new int[] {0, 0, -2, 0}))
        .hasMessage("the label of point 2 is -2; classes are numbered from 0");
    assertThatThrownBy(() -> DecisionBoundaryChart.of("t", p -> 0, new double[][] {{0, Double.NaN}}, new int[] {0}))
        .hasMessage("point 0 is not finite: [0.0, NaN]");
  }

  @Test
  void refuses_a_grid_too_coarse_or_too_fine() {
    assertThatThrownBy(() -> new DecisionBoundaryChart("t", p -> 0, CORNERS, BY_SIGN, List.of("a", "b"), 1))
        .hasMessage("gridCells must be 2 to 2000, was 1");
  }

  @Test
  void needs_a_name_for_every_labelled_class() {
    assertThatThrownBy(() -> new DecisionBoundaryChart("t", p -> 0, CORNERS, BY_SIGN, List.of("a"), 10))
        .hasMessage("the labels use 2 classes but only 1 class names were given: [a]");
  }

  private static int rgb(int argb) {
    return argb & 0xffffff;
  }

  private static int rgb(BufferedImage image, int[] pixel) {
    return rgb(image.getRGB(pixel[0], pixel[1]));
  }

  /** Where data coordinates land in the image, from a render of the same chart at the same size. */
  private record Layout(XYPlot plot, Rectangle2D dataArea) {

    static Layout of(DecisionBoundaryChart chart, int width, int height) {
      JFreeChart rendered = chart.toJFreeChart();
      ChartRenderingInfo info = new ChartRenderingInfo();
      rendered.createBufferedImage(width, height, info);
      return new Layout(rendered.getXYPlot(), info.getPlotInfo().getDataArea());
    }

    int[] pixel(double x1, double x2) {
      double px = plot.getDomainAxis().valueToJava2D(x1, dataArea, RectangleEdge.BOTTOM);
      double py = plot.getRangeAxis().valueToJava2D(x2, dataArea, RectangleEdge.LEFT);
      return new int[] {(int) Math.floor(px), (int) Math.floor(py)};
    }
  }
}
