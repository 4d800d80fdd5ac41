package dev.retrograd.demo.runfiles;

import dev.retrograd.data.ImageShape;
import dev.retrograd.demo.plot.WeightImagesChart;
import java.io.IOException;
import java.nio.file.Path;

/** {@code weights_layer1.png}: each first-layer neuron's weights drawn as an image, for image data. */
final class WeightsPicture implements RunFile {

  @Override
  public boolean appliesTo(FinishedRun run) {
    return run.firstLayerWeights().isPresent() && ImageShape.of(run.points().featureNames()).isPresent();
  }

  @Override
  public void write(FinishedRun run, Path file) throws IOException {
    ImageShape shape = ImageShape.of(run.points().featureNames()).orElseThrow();
    double[][] weights = run.firstLayerWeights().orElseThrow();
    new WeightImagesChart("First-layer weights: " + weights.length + " neurons, red positive, blue negative",
        shape.rows(), shape.columns(), weights).writePng(file);
  }
}
