package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every experiment at a reduced budget and checks that its figures bear the claim out, that it
 * printed its table and verdict, and that it wrote its PNG.
 */
class ClaimsTest {

  private static final Budget TEST_BUDGET = Budget.of(0.7);

  @TempDir
  Path folder;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private ExperimentResult run(String name) throws IOException {
    ExperimentResult result = Experiments.named(name, TEST_BUDGET)
        .run(folder, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(result.experiment()).isEqualTo(name);
    assertThat(result.png()).isEqualTo(folder.resolve(name + ".png"));
    BufferedImage image = ImageIO.read(result.png().toFile());
    assertThat(image).as("a decodable PNG at " + result.png()).isNotNull();
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(600);
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains(result.verdict()).contains("Chart: " + result.png());
    assertThat(result.verdict()).startsWith(result.claimHeld() ? "Claim held: " : "Claim did not hold: ");
    return result;
  }

  @Test
  void every_optimizer_trains_the_same_network_from_the_same_weights_to_a_tenth_of_its_initial_loss()
      throws IOException {
    ExperimentResult result = run("optimizers");

    assertThat(result.runs()).extracting(RunFigures::label).containsExactly("sgd", "adam", "adamw", "lion");
    double initial = result.run("sgd").initial().loss();
    for (RunFigures run : result.runs()) {
      assertThat(run.initial().loss()).as("same weights, same initial loss").isEqualTo(initial);
      assertThat(run.diverged()).isFalse();
      assertThat(run.finalLoss()).as(run.label()).isLessThan(initial / 10);
      assertThat(run.finalAccuracy()).as(run.label()).isGreaterThan(0.9);
    }
    assertThat(result.claimHeld()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("optimizer  initial loss  epoch 1 loss  final loss  final accuracy  epochs to loss 0.1");
  }

  @Test
  void sigmoid_gradients_fade_a_hundredfold_towards_the_input_while_relu_gradients_stay_within_tenfold()
      throws IOException {
    ExperimentResult result = run("vanishing");

    RunFigures sigmoid = result.run("sigmoid");
    RunFigures relu = result.run("relu");
    assertThat(sigmoid.firstEpochGradients()).hasSize(11).containsKeys("layer1", "layer11");
    assertThat(sigmoid.gradientRatio()).isGreaterThanOrEqualTo(100);
    assertThat(relu.gradientRatio()).isLessThan(10);
    List<Double> fading = sigmoid.layerGradients();
    for (int l = 1; l < fading.size(); l++) {
      assertThat(fading.get(l)).as("sigmoid layer %d vs %d", l + 1, l).isGreaterThan(fading.get(l - 1));
    }
    assertThat(result.claimHeld()).isTrue();
  }

  @Test
  void plain_sgd_diverges_on_too_large_weights_while_the_clipped_run_trains() throws IOException {
    ExperimentResult result = run("exploding");

    RunFigures plain = result.run("no clipping");
    RunFigures clipped = result.run("clip norm 1.0");
    assertThat(plain.initial()).as("same weights").isEqualTo(clipped.initial());
    assertThat(plain.initial().gradientNorm()).isGreaterThan(100);
    assertThat(plain.divergence()).hasValueSatisfying(d -> {
      assertThat(d.epoch()).isEqualTo(1);
      assertThat(Double.isFinite(d.loss())).isFalse();
      assertThat(d.lastFiniteLoss()).isGreaterThan(1e6 * plain.initial().loss());
    });
    assertThat(clipped.diverged()).isFalse();
    assertThat(clipped.finalLoss()).isFinite().isLessThan(clipped.initial().loss());
    assertThat(clipped.gradientNorms().get(0)).as("clipping hides large gradients, it does not shrink them")
        .isGreaterThan(100);
    assertThat(result.claimHeld()).isTrue();
  }

  @Test
  void he_initialization_keeps_the_signal_scale_and_trains_best() throws IOException {
    ExperimentResult result = run("init");

    InitialFigures uniform = result.run("uniform(-1,1)").initial();
    InitialFigures xavier = result.run("xavier_uniform").initial();
    InitialFigures he = result.run("he_normal").initial();
    assertThat(uniform.lastHiddenScale() / uniform.activationScales().get(0)).as("grows").isGreaterThan(10);
    assertThat(xavier.lastHiddenScale() / xavier.activationScales().get(0)).as("fades").isLessThan(0.1);
    assertThat(he.lastHiddenScale() / he.activationScales().get(0)).as("keeps its scale").isBetween(0.25, 4.0);
    assertThat(result.run("uniform(-1,1)").diverged()).isTrue();
    assertThat(result.run("he_normal").finalLoss()).isLessThan(result.run("xavier_uniform").finalLoss());
    assertThat(result.claimHeld()).isTrue();
  }

  @Test
  void batch_normalization_trains_the_deep_sigmoid_network_that_stalls_without_it() throws IOException {
    ExperimentResult result = run("batchnorm");

    assertRemedyWorks(result.run("plain"), result.run("batch norm"));
    assertThat(result.run("batch norm").architecture()).contains("+bn");
    assertThat(result.claimHeld()).isTrue();
  }

  @Test
  void residual_connections_train_the_deep_sigmoid_network_that_stalls_without_them() throws IOException {
    ExperimentResult result = run("residual");

    assertRemedyWorks(result.run("plain"), result.run("residual"));
    assertThat(result.run("residual").architecture()).contains("+res");
    assertThat(result.claimHeld()).isTrue();
  }

  private static void assertRemedyWorks(RunFigures plain, RunFigures remedied) {
    assertThat(plain.finalLoss()).as("the plain network stays near ln 3, chance for 3 classes")
        .isGreaterThan(1.0);
    assertThat(remedied.finalLoss()).isLessThan(0.8 * plain.finalLoss());
    assertThat(remedied.firstLayerGradient()).isGreaterThan(1000 * plain.firstLayerGradient());
  }
}
