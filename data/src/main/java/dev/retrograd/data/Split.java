package dev.retrograd.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A data set cut in two: rows to train on and rows held out to test on; together they hold every
 * row of the original exactly once.
 *
 * <pre>
 * Split split = Split.trainTestSplit(Digits.load(), 0.2, 7);
 * Standardizer scaler = Standardizer.fit(split.train());
 * </pre>
 *
 * @param train the rows to train on
 * @param test the held-out rows
 */
public record Split(Dataset train, Dataset test) {

  /**
   * Holds out ⌈testFraction · n⌉ rows for testing, as scikit-learn's {@code train_test_split}, and
   * keeps the rest for training; both parts are shuffled from the seed.
   *
   * <p><b>Classification splits are stratified</b> (sklearn's {@code stratify=y}): each class gives
   * the test set ⌊count · nTest / n⌋ of its rows, and the rows still missing from nTest go one
   * each to the classes with the largest remainders (ties to the smaller label), so each class's
   * share of the test set is its share of the data, to within one row. Regression splits draw the
   * test rows uniformly.
   *
   * @throws IllegalArgumentException when testFraction is not in (0, 1) or leaves no training row
   */
  public static Split trainTestSplit(Dataset dataset, double testFraction, long seed) {
    return stratified(dataset, testFraction, new SplittableRandom(seed));
  }

  /**
   * Splits as {@link #trainTestSplit(Dataset, double, long)} does, drawing from {@code random}: the
   * trainer passes the generator whose state its checkpoints keep.
   *
   * @throws IllegalArgumentException when testFraction is not in (0, 1) or leaves no training row
   */
  public static Split stratified(Dataset dataset, double testFraction, RandomGenerator random) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), was " + testFraction);
    }
    int n = dataset.size();
    int testSize = (int) Math.ceil(testFraction * n);
    if (testSize >= n) {
      throw new IllegalArgumentException("a test fraction of " + testFraction + " holds out all " + n
          + " rows of '" + dataset.name() + "' and leaves none to train on; use a smaller fraction or more rows");
    }
    List<List<Integer>> groups = dataset.task() == Task.CLASSIFICATION
        ? rowsByClass(dataset) : List.of(allRows(n));
    int[] quotas = quotas(groups, testSize, n);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> rows = groups.get(g);
      shuffle(rows, random);
      test.addAll(rows.subList(0, quotas[g]));
      train.addAll(rows.subList(quotas[g], rows.size()));
    }
    shuffle(train, random);
    shuffle(test, random);
    return new Split(dataset.select(toArray(train)), dataset.select(toArray(test)));
  }

  /**
   * Returns both parts as one data set, training rows then test rows (rows shared, not copied), as
   * a summary of all the data describes it.
   */
  public Dataset joined() {
    double[][] features = new double[train.size() + test.size()][];
    System.arraycopy(train.features(), 0, features, 0, train.size());
    System.arraycopy(test.features(), 0, features, train.size(), test.size());
    int[] labels = concat(train.labels(), test.labels());
    double[] targets = new double[train.targets().length + test.targets().length];
    System.arraycopy(train.targets(), 0, targets, 0, train.targets().length);
    System.arraycopy(test.targets(), 0, targets, train.targets().length, test.targets().length);
    return new Dataset(train.name(), train.task(), train.featureNames(), features, train.targetName(),
        train.classNames(), labels, targets);
  }

  private static int[] concat(int[] first, int[] second) {
    int[] both = new int[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Each group's share of testSize: floor of its proportion, then largest remainders first. */
  private static int[] quotas(List<List<Integer>> groups, int testSize, int n) {
    int[] quotas = new int[groups.size()];
    long[] remainders = new long[groups.size()];
    int given = 0;
    for (int g = 0; g < quotas.length; g++) {
      long product = (long) groups.get(g).size() * testSize;
      quotas[g] = (int) (product / n);
      remainders[g] = product % n;
      given += quotas[g];
    }
    for (; given < testSize; given++) {
      int best = -1;
      for (int g = 0; g < quotas.length; g++) {
        if (quotas[g] < groups.get(g).size() && (best < 0 || remainders[g] > remainders[best])) {
          best = g;
        }
      }
      quotas[best]++;
      remainders[best] = -1;
    }
    return quotas;
  }

  private static List<List<Integer>> rowsByClass(Dataset dataset) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int c = 0; c < dataset.classCount(); c++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < dataset.size(); i++) {
      groups.get(dataset.labels()[i]).add(i);
    }
    return groups;
  }

  private static List<Integer> allRows(int n) {
    List<Integer> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(i);
    }
    return rows;
  }

  private static void shuffle(List<Integer> rows, RandomGenerator random) {
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      rows.set(i, rows.set(j, rows.get(i)));
    }
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
