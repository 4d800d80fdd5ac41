package dev.retrograd.autograd.graph;

/**
 * How much of a large graph is drawn. Values sit in layers (columns, from the inputs to the output);
 * a layer with more than {@code valuesPerLayer} values shows {@code valuesPerLayer − 1} of them and
 * merges the rest into one "… more" node, and a graph deeper than {@code layers} layers shows only the
 * layers nearest the output, merging all earlier values into one node. The picture says so in a note.
 *
 * @param valuesPerLayer the most values drawn in one layer, ≥ 2
 * @param layers the most layers drawn, ≥ 2
 */
public record GraphLimits(int valuesPerLayer, int layers) {

  /** 12 values per layer, 40 layers: a few hundred nodes at most, readable on one screen or page. */
  public static final GraphLimits DEFAULT = new GraphLimits(12, 40);

  /** Checks both limits. */
  public GraphLimits {
    if (valuesPerLayer < 2) {
      throw new IllegalArgumentException("valuesPerLayer must be >= 2 (one value and one '… more' node), was "
          + valuesPerLayer);
    }
    if (layers < 2) {
      throw new IllegalArgumentException("layers must be >= 2 (the output and what made it), was " + layers);
    }
  }

  /** Returns limits no graph reaches: everything is drawn. */
  public static GraphLimits none() {
    return new GraphLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }
}
