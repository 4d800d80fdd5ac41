package dev.retrograd.demo.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphLabels;
import dev.retrograd.autograd.graph.GraphLimits;
import dev.retrograd.autograd.graph.GraphNode;
import dev.retrograd.autograd.graph.GraphNode.ValueRole;
import dev.retrograd.autograd.graph.ValueGraph;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphPictureTest {

  @TempDir
  Path dir;

  /** micrograd's neuron, after backward, with its leaves, parameters and output named. */
  static ValueGraph neuron() {
    Value x1 = Value.of(2.0);
    Value x2 = Value.of(0.0);
    Value w1 = Value.of(-3.0);
    Value w2 = Value.of(1.0);
    Value b = Value.of(6.8813735870195432);
    Value o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
    o.backward();
    return ValueGraph.trace(o, GraphLabels.builder().name(x1, "x1").name(x2, "x2").parameter(w1, "w1")
        .parameter(w2, "w2").parameter(b, "b").name(o, "o").build());
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document svg) {
    NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void the_svg_is_well_formed_svg_with_a_group_per_node_and_the_numbers_as_text() throws Exception {
    ValueGraph graph = neuron();
    GraphPicture picture = GraphPicture.of(graph);

    Document svg = parse(picture.svg());

    Element root = svg.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(Double.parseDouble(root.getAttribute("width"))).isCloseTo(picture.width(), within(0.005));
    assertThat(Double.parseDouble(root.getAttribute("height"))).isCloseTo(picture.height(), within(0.005));
    for (GraphNode node : graph.nodes()) {
      assertThat(svg.getElementById(node.id()) != null || picture.svg().contains("<g id=\"" + node.id() + "\">"))
          .as(node.id()).isTrue();
    }
    assertThat(texts(svg)).contains("x1", "data 2.0000", "grad -1.5000", "w1", "grad 1.0000", "x2", "grad 0.5000",
        "w2", "grad 0.0000", "o", "data 0.7071", "tanh", "*", "+");
  }

  @Test
  void every_text_in_the_svg_keeps_the_width_it_was_laid_out_with() throws Exception {
    Document svg = parse(GraphPicture.of(neuron()).svg());

    NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    assertThat(nodes.getLength()).isGreaterThan(20);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element text = (Element) nodes.item(i);
      assertThat(text.getAttribute("textLength")).as(text.getTextContent()).isNotEmpty();
      assertThat(text.getAttribute("lengthAdjust")).isEqualTo("spacingAndGlyphs");
    }
  }

  @Test
  void the_png_is_twice_the_svg_and_fills_leaves_parameters_and_the_output_with_their_colors() throws Exception {
    GraphPicture picture = GraphPicture.of(neuron());
    Path file = dir.resolve("neuron.png");

    GraphFile.PNG.write(picture, file);

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo((int) Math.ceil(picture.width() * 2));
    assertThat(image.getHeight()).isEqualTo((int) Math.ceil(picture.height() * 2));
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    Map<ValueRole, Integer> pixels = new EnumMap<>(ValueRole.class);
    for (ValueRole role : List.of(ValueRole.LEAF, ValueRole.PARAMETER, ValueRole.OUTPUT)) {
      int fill = Integer.parseInt(role.fill().substring(1), 16);
      pixels.put(role, (int) Arrays.stream(rgb).filter(pixel -> (pixel & 0xffffff) == fill).count());
    }
    // two input boxes, three parameter boxes and one output box, each thousands of pixels at scale 2
    assertThat(pixels.get(ValueRole.LEAF)).isGreaterThan(2 * 5000);
    assertThat(pixels.get(ValueRole.PARAMETER)).isGreaterThan(3 * 5000);
    assertThat(pixels.get(ValueRole.OUTPUT)).isGreaterThan(5000);
  }

  @Test
  void a_merged_graph_shows_its_merged_nodes_and_its_note_under_the_legend() throws Exception {
    Value[] terms = new Value[40];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = Value.of(i).tanh();
    }
    ValueGraph graph = ValueGraph.trace(Value.sum(terms), GraphLabels.none(), new GraphLimits(5, 10));

    List<String> texts = texts(parse(GraphPicture.of(graph).svg()));

    assertThat(texts).contains("… 36 more values", "sum", "40 inputs", "input or constant", "parameter", "output");
    assertThat(String.join(" ", texts)).contains(graph.note());
  }

  @Test
  void a_huge_picture_is_drawn_at_a_smaller_scale_within_forty_million_pixels() {
    Value[] terms = new Value[600];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = Value.of(i);
    }
    GraphPicture picture = GraphPicture.of(ValueGraph.trace(Value.sum(terms), GraphLabels.none(), GraphLimits.none()));

    assertThat(picture.pngScale()).isLessThan(2);
    assertThat(picture.width() * picture.height() * picture.pngScale() * picture.pngScale())
        .isLessThanOrEqualTo(40e6 + 1);
  }

  @Test
  void graph_files_writes_each_format_asked_for_and_refuses_an_unknown_one() throws Exception {
    GraphFiles files = new GraphFiles(Map.of("svg", GraphFile.SVG, "png", GraphFile.PNG, "dot", GraphFile.DOT));

    List<Path> written = files.write(neuron(), dir.resolve("out"), "neuron", List.of("dot", "svg", "png", "svg"));

    assertThat(written).containsExactly(dir.resolve("out/neuron.dot"), dir.resolve("out/neuron.svg"),
        dir.resolve("out/neuron.png"));
    assertThat(Files.readString(written.get(0))).startsWith("digraph retrograd {");
    assertThat(Files.readString(written.get(1))).startsWith("<?xml").contains("<svg");
    assertThat(ImageIO.read(written.get(2).toFile())).isNotNull();
    assertThatThrownBy(() -> files.write(neuron(), dir, "x", List.of("svg", "jpg")))
        .hasMessage("Unknown picture format 'jpg'; available: [dot, png, svg].");
    assertThatThrownBy(() -> files.check(List.of())).hasMessage("No picture format given; choose from [dot, png, svg].");
  }
}
