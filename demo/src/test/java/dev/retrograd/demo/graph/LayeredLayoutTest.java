package dev.retrograd.demo.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.demo.graph.LayeredLayout.Box;
import dev.retrograd.demo.graph.LayeredLayout.Placed;
import dev.retrograd.demo.graph.LayeredLayout.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

  @Test
  void pooling_adjacent_violators_gives_the_nearest_non_decreasing_sequence() {
    assertThat(LayeredLayout.nonDecreasingFit(new double[] {1, 3, 2, 4})).containsExactly(1, 2.5, 2.5, 4);
    assertThat(LayeredLayout.nonDecreasingFit(new double[] {5, 4, 3})).containsExactly(4, 4, 4);
    assertThat(LayeredLayout.nonDecreasingFit(new double[] {0, 1, 2})).containsExactly(0, 1, 2);
  }

  /** Brute force over a grid: no non-decreasing sequence is nearer to the target than the fit. */
  @Test
  void the_fit_is_nearer_than_any_other_non_decreasing_sequence_on_a_grid() {
    double[] target = {2, -1, 0.5, 3, 1};
    double[] fit = LayeredLayout.nonDecreasingFit(target);
    double best = squaredDistance(fit, target);
    double[] grid = {-1, 0, 0.5, 0.75, 1, 1.25, 2, 3};
    int[] index = new int[target.length];
    do {
      double[] candidate = new double[target.length];
      boolean sorted = true;
      for (int i = 0; i < target.length; i++) {
        candidate[i] = grid[index[i]];
        sorted &= i == 0 || candidate[i] >= candidate[i - 1];
      }
      if (sorted) {
        assertThat(squaredDistance(candidate, target)).isGreaterThanOrEqualTo(best - 1e-12);
      }
    } while (next(index, grid.length));
  }

  private static boolean next(int[] index, int base) {
    for (int i = index.length - 1; i >= 0; i--) {
      if (++index[i] < base) {
        return true;
      }
      index[i] = 0;
    }
    return false;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return sum;
  }

  @Test
  void nodes_of_a_column_never_overlap_and_columns_stand_side_by_side() {
    SplittableRandom random = new SplittableRandom(3);
    List<Box> boxes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boxes.add(new Box(i % 6, 40 + random.nextInt(80), 20 + random.nextInt(20)));
    }
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int a = random.nextInt(60);
      int b = random.nextInt(60);
      if (boxes.get(a).column() < boxes.get(b).column()) {
        edges.add(new int[] {a, b});
      }
    }

    Result layout = LayeredLayout.place(boxes, edges);

    for (int a = 0; a < boxes.size(); a++) {
      for (int b = a + 1; b < boxes.size(); b++) {
        Placed p = layout.boxes().get(a);
        Placed q = layout.boxes().get(b);
        if (boxes.get(a).column() == boxes.get(b).column()) {
          boolean apart = p.y() + p.height() + LayeredLayout.NODE_GAP - 1e-9 <= q.y()
              || q.y() + q.height() + LayeredLayout.NODE_GAP - 1e-9 <= p.y();
          assertThat(apart).as("boxes %d and %d in column %d", a, b, boxes.get(a).column()).isTrue();
        } else if (boxes.get(a).column() < boxes.get(b).column()) {
          assertThat(p.right() + LayeredLayout.COLUMN_GAP).isLessThanOrEqualTo(q.x() + 1e-9);
        }
      }
    }
    for (Placed placed : layout.boxes()) {
      assertThat(placed.y()).isGreaterThanOrEqualTo(-1e-9);
      assertThat(placed.y() + placed.height()).isLessThanOrEqualTo(layout.height() + 1e-9);
      assertThat(placed.right()).isLessThanOrEqualTo(layout.width() + 1e-9);
    }
  }

  @Test
  void every_route_runs_left_to_right_from_the_source_to_the_target() {
    List<Box> boxes = List.of(new Box(0, 50, 20), new Box(0, 30, 20), new Box(2, 40, 20), new Box(5, 60, 20));
    List<int[]> edges = List.of(new int[] {0, 3}, new int[] {1, 2}, new int[] {2, 3});

    Result layout = LayeredLayout.place(boxes, edges);

    for (int e = 0; e < edges.size(); e++) {
      double[][] route = layout.routes().get(e);
      Placed source = layout.boxes().get(edges.get(e)[0]);
      Placed target = layout.boxes().get(edges.get(e)[1]);
      assertThat(route[0]).containsExactly(source.right(), source.centerY());
      assertThat(route[route.length - 1]).containsExactly(target.x(), target.centerY());
      for (int k = 1; k < route.length; k++) {
        assertThat(route[k][0]).isGreaterThanOrEqualTo(route[k - 1][0]);
      }
    }
    // the empty columns 1, 3 and 4 take no room: three columns side by side
    assertThat(layout.width()).isEqualTo(50 + 40 + 60 + 2 * LayeredLayout.COLUMN_GAP);
  }

  @Test
  void a_chain_of_single_links_is_straight() {
    // 0 -> 1 -> 2 -> 3, with 4 also feeding 1 from above: 1 -> 2 -> 3 have one link each and line up
    List<Box> boxes = List.of(new Box(0, 30, 20), new Box(1, 30, 20), new Box(2, 30, 30), new Box(3, 30, 20),
        new Box(0, 30, 20));
    List<int[]> edges = List.of(new int[] {0, 1}, new int[] {4, 1}, new int[] {1, 2}, new int[] {2, 3});

    Result layout = LayeredLayout.place(boxes, edges);

    double middle = layout.boxes().get(1).centerY();
    assertThat(layout.boxes().get(2).centerY()).isCloseTo(middle, within(1e-9));
    assertThat(layout.boxes().get(3).centerY()).isCloseTo(middle, within(1e-9));
  }

  @Test
  void two_crossed_edges_are_uncrossed() {
    // a above b, c above d, edges a -> d and b -> c: the order must swap one column
    List<Box> boxes = List.of(new Box(0, 30, 20), new Box(0, 30, 20), new Box(1, 30, 20), new Box(1, 30, 20));
    List<int[]> edges = List.of(new int[] {0, 3}, new int[] {1, 2});

    Result layout = LayeredLayout.place(boxes, edges);

    boolean aAboveB = layout.boxes().get(0).y() < layout.boxes().get(1).y();
    boolean dAboveC = layout.boxes().get(3).y() < layout.boxes().get(2).y();
    assertThat(aAboveB).isEqualTo(dAboveC);
  }

  @Test
  void an_edge_that_does_not_go_right_is_refused() {
    assertThatThrownBy(() -> LayeredLayout.place(List.of(new Box(1, 10, 10), new Box(1, 10, 10)),
        List.<int[]>of(new int[] {0, 1})))
        .hasMessage("edge 0 -> 1 goes from column 1 to column 1; edges must go to a higher column");
  }
}
