package dev.retrograd.demo.runfiles;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the files a training run writes when it ends, by file name, in the order the run reports
 * them. Another module may add a file to the same {@code MapBinder<String, RunFile>}.
 * ({@code metrics.csv} is not one of them: {@link MetricsLog} writes it as the run goes.)
 *
 * <p><b>File names are distinct.</b>
 */
public final class RunFilesModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, RunFile> files = MapBinder.newMapBinder(binder(), String.class, RunFile.class);
    files.addBinding("loss.png").toInstance(new LossCurves());
    files.addBinding("accuracy.png").toInstance(new AccuracyCurves());
    files.addBinding("gradients.png").toInstance(new GradientCurves());
    files.addBinding("decision_boundary.png").toInstance(new DecisionBoundaryPicture());
    files.addBinding("confusion_matrix.png").toInstance(new ConfusionMatrixPicture());
    files.addBinding("misclassified.png").toInstance(new MisclassifiedPicture());
    files.addBinding("weights_layer1.png").toInstance(new WeightsPicture());
    bind(RunFiles.class);
  }
}
