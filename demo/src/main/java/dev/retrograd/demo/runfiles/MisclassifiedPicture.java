package dev.retrograd.demo.runfiles;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.ImageShape;
import dev.retrograd.demo.plot.ImageGridChart;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code misclassified.png}: the first 36 test images the model gets wrong, with their true and predicted classes. */
final class MisclassifiedPicture implements RunFile {

  /** The most images drawn. */
  static final int SHOWN = 36;

  @Override
  public boolean appliesTo(FinishedRun run) {
    return run.test().isPresent() && ImageShape.of(run.points().featureNames()).isPresent();
  }

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    FinishedRun.TestPredictions test = run.test().orElseThrow();
    Dataset points = test.points();
    ImageShape shape = ImageShape.of(points.featureNames()).orElseThrow();
    List<double[]> images = new ArrayList<>();
    List<String[]> captions = new ArrayList<>();
    int wrong = 0;
    for (int i = 0; i < points.size(); i++) {
      int truth = points.labels()[i];
      if (test.predicted()[i] != truth) {
        wrong++;
        if (images.size() < SHOWN) {
          images.add(points.features()[i]);
          captions.add(new String[] {"true: " + points.classNames().get(truth),
              "predicted: " + points.classNames().get(test.predicted()[i])});
        }
      }
    }
    String title = "Misclassified test images: " + images.size() + " of " + wrong + " (of " + points.size() + ")";
    new ImageGridChart(title, shape.rows(), shape.columns(), images, captions,
        java.util.Collections.nCopies(images.size(), new Color(0xc62828))).writePng(file);
  }
}
