package dev.retrograd.demo.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * A layered (Sugiyama-style) layout, left to right, for graphs of tens to a few hundred nodes whose
 * layers are given: every edge goes from a lower column to a higher one.
 *
 * <ol>
 *   <li>Empty columns are dropped, and an edge that spans several columns gets a zero-width dummy
 *       node in each column between its ends, so that it bends around the nodes there.
 *   <li>The order within each column is chosen by barycenters (each node moves to the mean position
 *       of its neighbors in the previous column, then in the next), sweeping back and forth and keeping
 *       the order with the fewest edge crossings.
 *   <li>Vertical positions: each node wants the mean height of its neighbors; a column takes the
 *       positions nearest to those wishes, in the least-squares sense, that keep its order and its
 *       gaps (an isotonic regression, solved by pooling adjacent violators), sweep after sweep. A
 *       last sweep from the left levels each node with its predecessor where that is its only link
 *       (an op and its value), so such edges are straight.
 *   <li>Columns stand side by side, as wide as their widest node, nodes centered in them.
 * </ol>
 */
final class LayeredLayout {

  /** The horizontal gap between columns, where edges bend. */
  static final double COLUMN_GAP = 40;
  /** The vertical gap between nodes of a column. */
  static final double NODE_GAP = 14;
  private static final double DUMMY_HEIGHT = 2;
  private static final int ORDER_SWEEPS = 16;
  private static final int PLACEMENT_SWEEPS = 40;

  /** A node to place: its column and its size. */
  record Box(int column, double width, double height) {}

  /** A placed node: its top-left corner and size. */
  record Placed(double x, double y, double width, double height) {

    double centerY() {
      return y + height / 2;
    }

    double right() {
      return x + width;
    }
  }

  /**
   * The result: a place for every box, in the order given, and for every edge the points it passes,
   * from the source's right side to the target's left side: where it leaves the source's column and
   * enters the target's, and two points for each column it crosses in between.
   */
  record Result(List<Placed> boxes, List<double[][]> routes, double width, double height) {}

  private final List<Box> boxes;
  private final List<int[]> edges;
  /** Every node of the layered graph: the boxes first, then the dummies. */
  private final List<Integer> rankOf = new ArrayList<>();
  private final List<Double> heightOf = new ArrayList<>();
  private final List<List<Integer>> predecessors = new ArrayList<>();
  private final List<List<Integer>> successors = new ArrayList<>();
  /** Each edge as the chain of nodes it passes: source, dummies, target. */
  private final List<int[]> chains = new ArrayList<>();
  private List<List<Integer>> ranks;
  private double[] y;

  private LayeredLayout(List<Box> boxes, List<int[]> edges) {
    this.boxes = boxes;
    this.edges = edges;
  }

  /**
   * Places {@code boxes}; each edge is {@code {from, to}}, indices into {@code boxes}.
   *
   * @throws IllegalArgumentException if an edge does not go from a lower column to a higher one
   */
  static Result place(List<Box> boxes, List<int[]> edges) {
    return new LayeredLayout(boxes, edges).run();
  }

  private Result run() {
    buildLayers();
    orderColumns();
    placeVertically();
    return result();
  }

  private void buildLayers() {
    int[] columns = boxes.stream().mapToInt(Box::column).distinct().sorted().toArray();
    Map<Integer, Integer> rankOfColumn = new HashMap<>();
    for (int r = 0; r < columns.length; r++) {
      rankOfColumn.put(columns[r], r);
    }
    for (Box box : boxes) {
      addNode(rankOfColumn.get(box.column()), box.height());
    }
    for (int[] edge : edges) {
      int from = edge[0];
      int to = edge[1];
      int fromRank = rankOf.get(from);
      int toRank = rankOf.get(to);
      if (fromRank >= toRank) {
        throw new IllegalArgumentException("edge " + from + " -> " + to + " goes from column "
            + boxes.get(from).column() + " to column " + boxes.get(to).column() + "; edges must go to a higher column");
      }
      int[] chain = new int[toRank - fromRank + 1];
      chain[0] = from;
      for (int r = fromRank + 1; r < toRank; r++) {
        chain[r - fromRank] = addNode(r, DUMMY_HEIGHT);
      }
      chain[chain.length - 1] = to;
      for (int k = 0; k + 1 < chain.length; k++) {
        successors.get(chain[k]).add(chain[k + 1]);
        predecessors.get(chain[k + 1]).add(chain[k]);
      }
      chains.add(chain);
    }
    ranks = new ArrayList<>();
    for (int r = 0; r < columns.length; r++) {
      ranks.add(new ArrayList<>());
    }
    for (int node = 0; node < rankOf.size(); node++) {
      ranks.get(rankOf.get(node)).add(node);
    }
  }

  private int addNode(int rank, double height) {
    rankOf.add(rank);
    heightOf.add(height);
    predecessors.add(new ArrayList<>());
    successors.add(new ArrayList<>());
    return rankOf.size() - 1;
  }

  // ---- order within columns ------------------------------------------------------------------

  private void orderColumns() {
    List<List<Integer>> best = copy(ranks);
    long fewest = crossings();
    for (int sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
      boolean forward = sweep % 2 == 0;
      for (int k = 1; k < ranks.size(); k++) {
        int r = forward ? k : ranks.size() - 1 - k;
        sortByBarycenter(r, forward ? predecessors : successors);
      }
      long now = crossings();
      if (now < fewest) {
        fewest = now;
        best = copy(ranks);
      }
    }
    ranks = best;
  }

  private void sortByBarycenter(int rank, List<List<Integer>> neighborsOf) {
    int[] position = positions();
    List<Integer> nodes = ranks.get(rank);
    Map<Integer, Double> key = new HashMap<>();
    for (int node : nodes) {
      List<Integer> neighbors = neighborsOf.get(node);
      key.put(node, neighbors.isEmpty() ? position[node]
          : neighbors.stream().mapToInt(n -> position[n]).average().orElseThrow());
    }
    nodes.sort(Comparator.comparingDouble(key::get));
  }

  private int[] positions() {
    int[] position = new int[rankOf.size()];
    for (List<Integer> rank : ranks) {
      for (int i = 0; i < rank.size(); i++) {
        position[rank.get(i)] = i;
      }
    }
    return position;
  }

  /** Counts pairs of edges between adjacent columns that cross. */
  private long crossings() {
    int[] position = positions();
    long count = 0;
    for (List<Integer> rank : ranks) {
      List<int[]> between = new ArrayList<>();
      for (int node : rank) {
        for (int next : successors.get(node)) {
          between.add(new int[] {position[node], position[next]});
        }
      }
      for (int a = 0; a < between.size(); a++) {
        for (int b = a + 1; b < between.size(); b++) {
          long product = (long) (between.get(a)[0] - between.get(b)[0]) * (between.get(a)[1] - between.get(b)[1]);
          count += product < 0 ? 1 : 0;
        }
      }
    }
    return count;
  }

  private static List<List<Integer>> copy(List<List<Integer>> ranks) {
    List<List<Integer>> copy = new ArrayList<>();
    ranks.forEach(rank -> copy.add(new ArrayList<>(rank)));
    return copy;
  }

  // ---- vertical placement --------------------------------------------------------------------

  private void placeVertically() {
    y = new double[rankOf.size()];
    for (List<Integer> rank : ranks) {
      double top = 0;
      for (int node : rank) {
        y[node] = top + heightOf.get(node) / 2;
        top += heightOf.get(node) + NODE_GAP;
      }
      double middle = top / 2;
      rank.forEach(node -> y[node] -= middle);
    }
    for (int sweep = 0; sweep < PLACEMENT_SWEEPS; sweep++) {
      boolean forward = sweep % 2 == 0;
      for (int k = 0; k < ranks.size(); k++) {
        placeRank(ranks.get(forward ? k : ranks.size() - 1 - k), this::meanOfNeighbors);
      }
    }
    for (List<Integer> rank : ranks) {
      placeRank(rank, this::levelWithLoneLink);
    }
  }

  /** Returns the mean height of a node's neighbors on both sides, or its own height if it has none. */
  private double meanOfNeighbors(int node) {
    double sum = 0;
    int count = 0;
    for (int neighbor : predecessors.get(node)) {
      sum += y[neighbor];
      count++;
    }
    for (int neighbor : successors.get(node)) {
      sum += y[neighbor];
      count++;
    }
    return count == 0 ? y[node] : sum / count;
  }

  /**
   * Returns the height of a node's only predecessor when that predecessor leads only to it (an op and
   * its value, a dummy after a dummy), so such links end up straight; otherwise the node's own height.
   */
  private double levelWithLoneLink(int node) {
    List<Integer> from = predecessors.get(node);
    return from.size() == 1 && successors.get(from.get(0)).size() == 1 ? y[from.get(0)] : y[node];
  }

  /** Moves a column's nodes as near the heights they wish as its order and gaps allow. */
  private void placeRank(List<Integer> rank, IntToDoubleFunction wishOf) {
    int n = rank.size();
    double[] target = new double[n];
    double[] offset = new double[n];
    for (int i = 0; i < n; i++) {
      int node = rank.get(i);
      double wish = wishOf.applyAsDouble(node);
      offset[i] = i == 0 ? 0
          : offset[i - 1] + (heightOf.get(rank.get(i - 1)) + heightOf.get(node)) / 2 + NODE_GAP;
      target[i] = wish - offset[i];
    }
    double[] fitted = nonDecreasingFit(target);
    for (int i = 0; i < n; i++) {
      y[rank.get(i)] = fitted[i] + offset[i];
    }
  }

  /**
   * Returns the non-decreasing sequence nearest to {@code target} in the least-squares sense, by
   * pooling adjacent violators: each run of values out of order is replaced by its mean.
   */
  static double[] nonDecreasingFit(double[] target) {
    int n = target.length;
    double[] blockSum = new double[n];
    int[] blockSize = new int[n];
    int blocks = 0;
    for (double t : target) {
      blockSum[blocks] = t;
      blockSize[blocks] = 1;
      blocks++;
      while (blocks > 1 && blockSum[blocks - 2] / blockSize[blocks - 2] > blockSum[blocks - 1] / blockSize[blocks - 1]) {
        blockSum[blocks - 2] += blockSum[blocks - 1];
        blockSize[blocks - 2] += blockSize[blocks - 1];
        blocks--;
      }
    }
    double[] fitted = new double[n];
    int i = 0;
    for (int b = 0; b < blocks; b++) {
      Arrays.fill(fitted, i, i + blockSize[b], blockSum[b] / blockSize[b]);
      i += blockSize[b];
    }
    return fitted;
  }

  // ---- coordinates ---------------------------------------------------------------------------

  private Result result() {
    double[] rankX = new double[ranks.size()];
    double[] rankWidth = new double[ranks.size()];
    for (int node = 0; node < boxes.size(); node++) {
      int r = rankOf.get(node);
      rankWidth[r] = Math.max(rankWidth[r], boxes.get(node).width());
    }
    double x = 0;
    for (int r = 0; r < ranks.size(); r++) {
      rankX[r] = x;
      x += rankWidth[r] + COLUMN_GAP;
    }
    double width = Math.max(0, x - COLUMN_GAP);
    double top = Double.POSITIVE_INFINITY;
    double bottom = Double.NEGATIVE_INFINITY;
    for (int node = 0; node < rankOf.size(); node++) {
      top = Math.min(top, y[node] - heightOf.get(node) / 2);
      bottom = Math.max(bottom, y[node] + heightOf.get(node) / 2);
    }
    double shift = rankOf.isEmpty() ? 0 : -top;
    List<Placed> placed = new ArrayList<>();
    for (int node = 0; node < boxes.size(); node++) {
      Box box = boxes.get(node);
      int r = rankOf.get(node);
      placed.add(new Placed(rankX[r] + (rankWidth[r] - box.width()) / 2, y[node] + shift - box.height() / 2,
          box.width(), box.height()));
    }
    List<double[][]> routes = new ArrayList<>();
    for (int[] chain : chains) {
      List<double[]> points = new ArrayList<>();
      Placed source = placed.get(chain[0]);
      Placed target = placed.get(chain[chain.length - 1]);
      // straight out of a node narrower than its column, and straight into one
      points.add(new double[] {source.right(), source.centerY()});
      double sourceColumnEnd = rankX[rankOf.get(chain[0])] + rankWidth[rankOf.get(chain[0])];
      if (sourceColumnEnd > source.right()) {
        points.add(new double[] {sourceColumnEnd, source.centerY()});
      }
      for (int k = 1; k + 1 < chain.length; k++) {
        int r = rankOf.get(chain[k]);
        points.add(new double[] {rankX[r], y[chain[k]] + shift});
        points.add(new double[] {rankX[r] + rankWidth[r], y[chain[k]] + shift});
      }
      double targetColumnStart = rankX[rankOf.get(chain[chain.length - 1])];
      if (targetColumnStart < target.x()) {
        points.add(new double[] {targetColumnStart, target.centerY()});
      }
      points.add(new double[] {target.x(), target.centerY()});
      routes.add(points.toArray(double[][]::new));
    }
    return new Result(placed, routes, width, rankOf.isEmpty() ? 0 : bottom - top);
  }
}
