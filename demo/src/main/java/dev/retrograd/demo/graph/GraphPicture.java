package dev.retrograd.demo.graph;

import dev.retrograd.autograd.graph.GraphEdge;
import dev.retrograd.autograd.graph.GraphNode;
import dev.retrograd.autograd.graph.GraphNode.MergedNode;
import dev.retrograd.autograd.graph.GraphNode.OpNode;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;
import dev.retrograd.autograd.graph.LabelNumbers;
import dev.retrograd.autograd.graph.ValueGraph;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A picture of a {@link ValueGraph}, laid out in pure Java by {@link LayeredLayout} and drawn the same
 * way to SVG and to PNG: values as boxes {@code [ name | data 0.7071 | grad 1.0000 ]} filled by role
 * (leaves light blue, parameters light orange, the output light green and bold), ops as small gray
 * ellipses (a fused op with its arity under its name), merged nodes dashed, and a legend with the
 * graph's note below.
 *
 * <pre>{@code
 * GraphPicture picture = GraphPicture.of(ValueGraph.trace(loss, labels));
 * Files.writeString(Path.of("graph.svg"), picture.svg());
 * ImageIO.write(picture.png(), "png", new File("graph.png"));
 * }</pre>
 */
public final class GraphPicture {

  private static final double MARGIN = 16;
  private static final double PAD = 7;
  private static final double BOX_HEIGHT = 26;
  private static final double OP_HEIGHT = 24;
  private static final double FUSED_OP_HEIGHT = 36;
  private static final double ARROW = 7;
  /** The most pixels a PNG gets; a larger picture is drawn at a smaller scale. */
  private static final double MAX_PIXELS = 40e6;
  private static final double PNG_SCALE = 2;

  private static final Color INK = new Color(0x222222);
  private static final Color OUTLINE = new Color(0x444444);
  private static final Color EDGE = new Color(0x6b6b6b);
  private static final Color OP_FILL = new Color(0xeeeeee);
  private static final Color OP_OUTLINE = new Color(0x8a8a8a);
  private static final Color MERGED_FILL = new Color(0xf6f6f6);
  private static final Color NOTE = new Color(0x555555);

  private final ValueGraph graph;
  private final LayeredLayout.Result layout;
  private final List<String> noteLines;
  private final double width;
  private final double height;

  private GraphPicture(ValueGraph graph) {
    this.graph = graph;
    List<LayeredLayout.Box> boxes = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (GraphNode node : graph.nodes()) {
      index.put(node.id(), boxes.size());
      boxes.add(new LayeredLayout.Box(node.column(), width(node), height(node)));
    }
    List<int[]> edges = new ArrayList<>();
    for (GraphEdge edge : graph.edges()) {
      edges.add(new int[] {index.get(edge.from()), index.get(edge.to())});
    }
    this.layout = LayeredLayout.place(boxes, edges);
    double contentWidth = Math.max(Math.max(layout.width(), legendWidth()), 360);
    this.noteLines = wrap(graph.note(), contentWidth);
    this.width = contentWidth + 2 * MARGIN;
    this.height = layout.height() + 2 * MARGIN + legendHeight();
  }

  /** Lays out {@code graph}. */
  public static GraphPicture of(ValueGraph graph) {
    return new GraphPicture(graph);
  }

  /** Returns the graph drawn. */
  public ValueGraph graph() {
    return graph;
  }

  /** Returns the picture's width in pixels (the SVG's; the PNG is {@link #pngScale()} times wider). */
  public double width() {
    return width;
  }

  /** Returns the picture's height in pixels (the SVG's; the PNG is {@link #pngScale()} times higher). */
  public double height() {
    return height;
  }

  /** Returns the picture as an SVG 1.1 document. */
  public String svg() {
    SvgCanvas canvas = new SvgCanvas();
    draw(canvas);
    return canvas.document(width, height);
  }

  /** Returns how much larger the PNG is drawn than the SVG: 2, or less for a picture over 40 million pixels. */
  public double pngScale() {
    return Math.min(PNG_SCALE, Math.sqrt(MAX_PIXELS / (width * height)));
  }

  /** Returns the picture as an image, {@link #pngScale()} times the size of the SVG. */
  public BufferedImage png() {
    ImageCanvas canvas = new ImageCanvas(width, height, pngScale());
    draw(canvas);
    return canvas.image();
  }

  // ---- sizes ---------------------------------------------------------------------------------

  private static List<String> fields(ValueNode node) {
    List<String> fields = new ArrayList<>(3);
    if (!node.name().isEmpty()) {
      fields.add(node.name());
    }
    fields.add("data " + LabelNumbers.format(node.data()));
    fields.add("grad " + LabelNumbers.format(node.grad()));
    return fields;
  }

  private static TextStyle style(ValueNode node) {
    return node.role() == ValueRole.OUTPUT ? TextStyle.BOLD : TextStyle.BODY;
  }

  private static double width(GraphNode node) {
    if (node instanceof ValueNode value) {
      return fields(value).stream().mapToDouble(field -> style(value).width(field) + 2 * PAD).sum();
    }
    if (node instanceof OpNode op) {
      double text = TextStyle.BODY.width(op.text());
      if (op.fused()) {
        text = Math.max(text, TextStyle.SMALL.width(op.arityText()));
      }
      return Math.max(text + 2 * PAD + 6, 30);
    }
    return TextStyle.BODY.width(((MergedNode) node).text()) + 2 * PAD;
  }

  private static double height(GraphNode node) {
    return node instanceof OpNode op ? (op.fused() ? FUSED_OP_HEIGHT : OP_HEIGHT) : BOX_HEIGHT;
  }

  // ---- drawing -------------------------------------------------------------------------------

  private void draw(Canvas canvas) {
    List<GraphNode> nodes = graph.nodes();
    for (int e = 0; e < graph.edges().size(); e++) {
      GraphEdge edge = graph.edges().get(e);
      canvas.begin(edge.from() + "->" + edge.to());
      drawEdge(canvas, layout.routes().get(e));
      canvas.end();
    }
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode node = nodes.get(i);
      LayeredLayout.Placed place = layout.boxes().get(i);
      double x = MARGIN + place.x();
      double y = MARGIN + place.y();
      canvas.begin(node.id());
      if (node instanceof ValueNode value) {
        drawValue(canvas, value, x, y, place.width());
      } else if (node instanceof OpNode op) {
        drawOp(canvas, op, x, y, place.width(), place.height());
      } else {
        MergedNode merged = (MergedNode) node;
        canvas.rectangle(x, y, place.width(), BOX_HEIGHT, 4, MERGED_FILL, OUTLINE, 1, true);
        centeredText(canvas, merged.text(), x + place.width() / 2, y + BOX_HEIGHT / 2, TextStyle.BODY, INK);
      }
      canvas.end();
    }
    drawLegend(canvas, MARGIN, MARGIN + layout.height() + 22);
  }

  private static void drawEdge(Canvas canvas, double[][] route) {
    double[][] points = new double[route.length][];
    for (int k = 0; k < route.length; k++) {
      points[k] = new double[] {route[k][0] + MARGIN, route[k][1] + MARGIN};
    }
    double[] tip = points[points.length - 1].clone();
    points[points.length - 1][0] -= ARROW - 1;
    canvas.curve(points, EDGE, 1.1);
    canvas.triangle(new double[] {tip[0], tip[0] - ARROW, tip[0] - ARROW},
        new double[] {tip[1], tip[1] - ARROW / 2, tip[1] + ARROW / 2}, EDGE);
  }

  private static void drawValue(Canvas canvas, ValueNode node, double x, double y, double width) {
    boolean output = node.role() == ValueRole.OUTPUT;
    canvas.rectangle(x, y, width, BOX_HEIGHT, 3, Color.decode(node.role().fill()), OUTLINE, output ? 2 : 1, false);
    TextStyle style = style(node);
    double fieldX = x;
    List<String> fields = fields(node);
    for (int f = 0; f < fields.size(); f++) {
      String field = fields.get(f);
      double textWidth = style.width(field);
      if (f > 0) {
        canvas.line(fieldX, y, fieldX, y + BOX_HEIGHT, OUTLINE, output ? 1.2 : 0.8);
      }
      canvas.text(field, fieldX + PAD, y + BOX_HEIGHT / 2 + style.baselineBelowMiddle(), textWidth, style, INK);
      fieldX += textWidth + 2 * PAD;
    }
  }

  private static void drawOp(Canvas canvas, OpNode op, double x, double y, double width, double height) {
    canvas.ellipse(x, y, width, height, OP_FILL, OP_OUTLINE);
    double middle = x + width / 2;
    if (op.fused()) {
      centeredText(canvas, op.text(), middle, y + height / 2 - 6, TextStyle.BODY, INK);
      centeredText(canvas, op.arityText(), middle, y + height / 2 + 7, TextStyle.SMALL, NOTE);
    } else {
      centeredText(canvas, op.text(), middle, y + height / 2, TextStyle.BODY, INK);
    }
  }

  private static void centeredText(Canvas canvas, String text, double middleX, double middleY, TextStyle style,
      Color color) {
    double textWidth = style.width(text);
    canvas.text(text, middleX - textWidth / 2, middleY + style.baselineBelowMiddle(), textWidth, style, color);
  }

  // ---- legend and note -----------------------------------------------------------------------

  private static final String[][] LEGEND = {
    {ValueRole.LEAF.fill(), "input or constant"},
    {ValueRole.PARAMETER.fill(), "parameter"},
    {ValueRole.INTERIOR.fill(), "value"},
    {ValueRole.OUTPUT.fill(), "output"},
  };
  private static final double SWATCH = 14;
  private static final double LEGEND_GAP = 16;

  private static double legendWidth() {
    double total = 0;
    for (String[] entry : LEGEND) {
      total += SWATCH + 5 + TextStyle.SMALL.width(entry[1]) + LEGEND_GAP;
    }
    return total + SWATCH * 1.6 + 5 + TextStyle.SMALL.width("op (fused: with its arity)");
  }

  private double legendHeight() {
    return 22 + 14 + noteLines.size() * 15;
  }

  private void drawLegend(Canvas canvas, double x, double y) {
    canvas.begin("legend");
    double middle = y;
    for (String[] entry : LEGEND) {
      canvas.rectangle(x, middle - SWATCH / 2 + 1, SWATCH, SWATCH - 2, 2, Color.decode(entry[0]), OUTLINE,
          entry[1].equals("output") ? 2 : 1, false);
      x += SWATCH + 5;
      x += legendText(canvas, entry[1], x, middle) + LEGEND_GAP;
    }
    canvas.ellipse(x, middle - 6, SWATCH * 1.6, 12, OP_FILL, OP_OUTLINE);
    x += SWATCH * 1.6 + 5;
    legendText(canvas, "op (fused: with its arity)", x, middle);
    canvas.end();
    if (!noteLines.isEmpty()) {
      canvas.begin("note");
      for (int i = 0; i < noteLines.size(); i++) {
        legendText(canvas, noteLines.get(i), MARGIN, middle + 18 + 15 * i);
      }
      canvas.end();
    }
  }

  private static double legendText(Canvas canvas, String text, double x, double middle) {
    double textWidth = TextStyle.SMALL.width(text);
    canvas.text(text, x, middle + TextStyle.SMALL.baselineBelowMiddle(), textWidth, TextStyle.SMALL, NOTE);
    return textWidth;
  }

  /** Breaks {@code text} into lines no wider than {@code width}, at spaces. */
  private static List<String> wrap(String text, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      String longer = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && TextStyle.SMALL.width(longer) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
