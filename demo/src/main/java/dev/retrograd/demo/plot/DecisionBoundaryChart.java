package dev.retrograd.demo.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The class a 2-D classifier predicts everywhere around its data: a colored class map with the
 * labelled points on top.
 *
 * <p>The plot range is the data's bounding box widened by {@value #MARGIN} of its width and height
 * on every side (by 1 where all points share a coordinate). That range is cut into {@code
 * gridCells × gridCells} cells; each cell is painted in the light color of the class the classifier
 * returns for the cell's center. Each point is then drawn as a dot in the dark color of its true
 * label, so a dot on a region of another color is a misclassified point. Class {@code k} has
 * palette color {@code k}, for any number of classes; the legend names them up to
 * {@value #MAX_LEGEND_CLASSES} classes, and past that the title says how many there are.
 *
 * <pre>{@code
 * DecisionBoundaryChart.of("Moons, MLP 2-16-16-2", p -> model.predict(p), data.features(), data.labels())
 *     .writePng(folder.resolve("decision_boundary.png"));
 * }</pre>
 *
 * @param title the chart's heading
 * @param classifier the class index (0 to {@code classNames.size()} − 1) at a point {x1, x2};
 *     called {@code gridCells²} times, each time with a new array
 * @param points the data, one {x1, x2} row per point, all finite; copied
 * @param labels the class of each point, 0 or more; copied
 * @param classNames a legend label per class, at least one per class seen in labels and predictions
 * @param gridCells cells per side of the class map, {@value #MIN_GRID_CELLS} to {@value #MAX_GRID_CELLS}
 */
public record DecisionBoundaryChart(
    String title,
    ToIntFunction<double[]> classifier,
    double[][] points,
    int[] labels,
    List<String> classNames,
    int gridCells) {

  /** The default image side in pixels (the image is square). */
  public static final int SIZE = 700;
  /** The default number of cells per side of the class map. */
  public static final int DEFAULT_GRID_CELLS = 200;
  /** The fewest cells per side of the class map. */
  public static final int MIN_GRID_CELLS = 2;
  /** The most cells per side of the class map. */
  public static final int MAX_GRID_CELLS = 2000;
  /** The most classes the legend names; past that the title gives their number instead. */
  public static final int MAX_LEGEND_CLASSES = 20;
  /** How many classes {@link #of} names. */
  private static final int NAMED_BY_DEFAULT = 10;
  /** The share of the data's extent added as empty margin on every side. */
  public static final double MARGIN = 0.1;

  /** Checks and copies the data. */
  public DecisionBoundaryChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(labels, "labels");
    classNames = List.copyOf(classNames);
    if (points.length == 0) {
      throw new IllegalArgumentException("a decision boundary needs at least one data point, got none for '" + title + "'");
    }
    if (points.length != labels.length) {
      throw new IllegalArgumentException(
          "a decision boundary needs one label per point, got " + labels.length + " labels for " + points.length + " points");
    }
    double[][] copy = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      double[] p = points[i];
      if (p.length != 2) {
        throw new IllegalArgumentException("a decision boundary needs 2-D points, point " + i + " has "
            + p.length + " features; plot two features or use a 2-D data set");
      }
      if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
        throw new IllegalArgumentException("point " + i + " is not finite: " + Arrays.toString(p));
      }
      copy[i] = p.clone();
    }
    points = copy;
    labels = labels.clone();
    for (int i = 0; i < labels.length; i++) {
      requireClass(labels[i], "label of point " + i);
    }
    if (gridCells < MIN_GRID_CELLS || gridCells > MAX_GRID_CELLS) {
      throw new IllegalArgumentException(
          "gridCells must be " + MIN_GRID_CELLS + " to " + MAX_GRID_CELLS + ", was " + gridCells);
    }
    int labelled = Arrays.stream(labels).max().getAsInt() + 1;
    if (classNames.size() < labelled) {
      throw new IllegalArgumentException("the labels use " + labelled + " classes but only " + classNames.size()
          + " class names were given: " + classNames);
    }
  }

  /**
   * Returns a chart on a {@value #DEFAULT_GRID_CELLS}×{@value #DEFAULT_GRID_CELLS} grid with the
   * classes named "class 0" to "class 9", or to the largest label if that is larger.
   */
  public static DecisionBoundaryChart of(
      String title, ToIntFunction<double[]> classifier, double[][] points, int[] labels) {
    List<String> names = new ArrayList<>();
    int named = Math.max(NAMED_BY_DEFAULT, Arrays.stream(labels).max().orElse(0) + 1);
    for (int k = 0; k < named; k++) {
      names.add("class " + k);
    }
    return new DecisionBoundaryChart(title, classifier, points, labels, names, DEFAULT_GRID_CELLS);
  }

  /** Returns a copy of the points. */
  @Override
  public double[][] points() {
    double[][] copy = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      copy[i] = points[i].clone();
    }
    return copy;
  }

  /** Returns a copy of the labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Writes the chart as a {@value #SIZE}×{@value #SIZE} PNG, creating missing parent folders.
   *
   * @throws IllegalStateException if the classifier returns a negative class or one without a name
   */
  public void writePng(Path file) throws IOException {
    writePng(file, SIZE, SIZE);
  }

  /** Writes the chart as a {@code width × height} PNG, creating missing parent folders. */
  public void writePng(Path file, int width, int height) throws IOException {
    Headless.ensure();
    ChartStyle.writePng(toJFreeChart(), file, width, height);
  }

  /** The plotted rectangle: the data's bounding box plus the margin. */
  record Bounds(double xMin, double xMax, double yMin, double yMax) {

    static Bounds around(double[][] points) {
      double xMin = Double.POSITIVE_INFINITY;
      double xMax = Double.NEGATIVE_INFINITY;
      double yMin = Double.POSITIVE_INFINITY;
      double yMax = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        xMin = Math.min(xMin, p[0]);
        xMax = Math.max(xMax, p[0]);
        yMin = Math.min(yMin, p[1]);
        yMax = Math.max(yMax, p[1]);
      }
      double dx = xMax > xMin ? (xMax - xMin) * MARGIN : 1;
      double dy = yMax > yMin ? (yMax - yMin) * MARGIN : 1;
      return new Bounds(xMin - dx, xMax + dx, yMin - dy, yMax + dy);
    }
  }

  /** Returns the plotted rectangle. */
  Bounds bounds() {
    return Bounds.around(points);
  }

  /**
   * Returns the predicted class of every cell, row by row from the top: entry {@code r·n + c} is
   * the class at x1 = xMin + (c + ½)·width/n, x2 = yMax − (r + ½)·height/n.
   */
  int[] predictions() {
    Bounds b = bounds();
    int n = gridCells;
    double cellWidth = (b.xMax() - b.xMin()) / n;
    double cellHeight = (b.yMax() - b.yMin()) / n;
    int[] classes = new int[n * n];
    for (int r = 0; r < n; r++) {
      double x2 = b.yMax() - (r + 0.5) * cellHeight;
      for (int c = 0; c < n; c++) {
        double x1 = b.xMin() + (c + 0.5) * cellWidth;
        int k = classifier.applyAsInt(new double[] {x1, x2});
        requirePredictedClass(k, x1, x2);
        classes[r * n + c] = k;
      }
    }
    return classes;
  }

  /** Returns the class map, one pixel per cell in the region color of its class. */
  private BufferedImage classMap(int[] predictions) {
    int n = gridCells;
    BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < predictions.length; i++) {
      image.setRGB(i % n, i / n, Palette.region(predictions[i]).getRGB());
    }
    return image;
  }

  /** Builds the JFreeChart form of this chart, evaluating the classifier on the grid. */
  JFreeChart toJFreeChart() {
    int[] predictions = predictions();
    Bounds b = bounds();
    int classes = Math.max(Arrays.stream(labels).max().getAsInt(), Arrays.stream(predictions).max().getAsInt()) + 1;

    XYSeriesCollection data = new XYSeriesCollection();
    List<XYSeries> byClass = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      XYSeries s = new XYSeries(classNames.get(k), false, true);
      byClass.add(s);
      data.addSeries(s);
    }
    for (int i = 0; i < points.length; i++) {
      byClass.get(labels[i]).add(points[i][0], points[i][1]);
    }

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setUseOutlinePaint(true);
    renderer.setDrawOutlines(true);
    double d = points.length > 500 ? 6 : 9;
    for (int k = 0; k < classes; k++) {
      renderer.setSeriesPaint(k, Palette.point(k));
      renderer.setSeriesOutlinePaint(k, Color.WHITE);
      renderer.setSeriesShape(k, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
    }

    NumberAxis x = ChartStyle.numberAxis("x1");
    NumberAxis y = ChartStyle.numberAxis("x2");
    x.setRange(b.xMin(), b.xMax());
    y.setRange(b.yMin(), b.yMax());
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundImage(classMap(predictions));
    plot.setBackgroundImageAlignment(Align.FIT);
    plot.setBackgroundImageAlpha(1f);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    boolean legend = classes <= MAX_LEGEND_CLASSES;
    return ChartStyle.chart(legend ? title : title + " (" + classes + " classes)", plot, legend);
  }

  private void requirePredictedClass(int k, double x1, double x2) {
    if (k < 0) {
      throw new IllegalStateException("the classifier returned class " + k + " at " + at(x1, x2)
          + "; classes are numbered from 0");
    }
    if (k >= classNames.size()) {
      throw new IllegalStateException("the classifier returned class " + k + " at " + at(x1, x2)
          + " but only " + classNames.size() + " class names were given: " + classNames);
    }
  }

  private static String at(double x1, double x2) {
    return "(" + Log10Axis.label(x1) + ", " + Log10Axis.label(x2) + ")";
  }

  private static void requireClass(int k, String what) {
    if (k < 0) {
      throw new IllegalArgumentException("the " + what + " is " + k + "; classes are numbered from 0");
    }
  }
}
