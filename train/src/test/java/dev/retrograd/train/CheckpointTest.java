package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.registry.Plugins;
import dev.retrograd.data.TargetEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

  private static final Dataset DATA = TestData.regression(10, 1);

  private final Trainer trainer = new Trainer(Plugins.load());

  @TempDir
  Path folder;

  private Path file;
  private TinyModel trained;

  private static TrainingConfig.Builder configBuilder(int epochs) {
    return TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.1,momentum=0.9")).loss("mse")
        .task(Task.REGRESSION).epochs(epochs).batchSize(4).validationFraction(0.2).schedule(Schedule.step(2, 0.5));
  }

  private static TrainingConfig config(int epochs) {
    return configBuilder(epochs).build();
  }

  /** Trains a 2 -> 2 tanh -> 1 model for 2 epochs and keeps its checkpoint in {@code file}. */
  @BeforeEach
  void trainTwoEpochs() {
    file = folder.resolve("run.ckpt");
    trained = new TinyModel(2, 2, 1, 5);
    trainer.fit(trained, DATA, config(2), RunOptions.none().withCheckpoint(file));
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(file);
  }

  /** Rewrites the checkpoint line by line; a line mapped to null is dropped. The checksum no longer matches. */
  private void edit(UnaryOperator<String> change) throws IOException {
    List<String> edited = new ArrayList<>();
    for (String line : lines()) {
      String changed = change.apply(line);
      if (changed != null) {
        edited.add(changed);
      }
    }
    Files.write(file, edited);
  }

  /** Rewrites the checkpoint line by line, then its checksum, as someone who knows the format would. */
  private void editKeepingChecksum(UnaryOperator<String> change) throws IOException {
    edit(change);
    String text = Files.readString(file);
    int checksumLine = text.indexOf("\nchecksum sha256:") + 1;
    Files.writeString(file, text.substring(0, checksumLine) + "checksum sha256:"
        + sha256(text.substring(0, checksumLine).getBytes(StandardCharsets.UTF_8)) + "\nend\n");
  }

  /** The SHA-256 of {@code bytes} as hex, computed here apart from the class under test. */
  private static String sha256(byte[] bytes) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private String alteredOrDamaged() throws IOException {
    return "Checkpoint " + file + " was altered or damaged: its content does not match its checksum (line "
        + lineNumberOf("checksum ") + "). Resume from an intact copy, or start afresh without resuming.";
  }

  private int lineNumberOf(String prefix) throws IOException {
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + prefix);
  }

  private void resume(TinyModel model, TrainingConfig config) {
    trainer.resume(model, DATA, config, file, RunOptions.none());
  }

  @Test
  void checkpoint_is_readable_text_with_every_part_of_the_run() throws IOException {
    List<String> lines = lines();
    assertThat(lines.get(0)).isEqualTo("retrograd-checkpoint 3");
    assertThat(lines.subList(2, 22)).containsExactly(
        "architecture 2 -> 2 tanh -> 1 identity, centered inputs",
        "optimizer sgd",
        "optimizer_hyperparameters lr=0.1,momentum=0.9,dampening=0.0,nesterov=false,weight_decay=0.0",
        "loss mse",
        "loss_hyperparameters",
        "task regression",
        "schedule step:step_size=2,gamma=0.5",
        "clipping none",
        "l2 0.0",
        "batch_size 4",
        "validation_fraction 0.2",
        "seed 42",
        "examples 10",
        "data_set wave",
        lines.get(16),
        "feature_names 2 x0 x1",
        "target_name y",
        "class_names 0",
        "epoch 2",
        lines.get(21));
    assertThat(lines.get(16)).matches("data inputs:[0-9a-f]{64} targets:[0-9a-f]{64}");
    assertThat(lines.get(21)).matches("random_state -?\\d+");
    assertThat(lines).contains("param layer1.weight[0][0] " + trained.namedParameters().get(0).value().data());
    assertThat(lines).filteredOn(line -> line.startsWith("param ")).hasSize(9);
    assertThat(lines).filteredOn(line -> line.startsWith("buffer input.running_mean 2 ")).hasSize(1);
    // 8 training rows in batches of 4: 2 steps per epoch, 4 in all
    assertThat(lines).contains("optimizer_state step 1 4.0");
    assertThat(lines).filteredOn(line -> line.startsWith("optimizer_state momentum_buffer 9 ")).hasSize(1);
    assertThat(lines.get(lines.size() - 2)).matches("checksum sha256:[0-9a-f]{64}");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("end");
  }

  @Test
  void the_checksum_is_the_sha256_of_every_byte_before_its_line() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int checksumLine = text.indexOf("\nchecksum ") + 1;

    assertThat(lines()).contains("checksum sha256:" + sha256(Arrays.copyOf(bytes, checksumLine)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"param layer1.weight[0][0] ", "random_state ", "optimizer_state momentum_buffer ",
      "buffer input.running_mean ", "epoch ", "seed ", "data "})
  void one_changed_digit_is_refused_as_altered_or_damaged(String entry) throws IOException {
    String original = lines().stream().filter(line -> line.startsWith(entry)).findFirst().orElseThrow();
    int digit = original.length() - 1;
    while (!Character.isDigit(original.charAt(digit))) {
      digit--;
    }
    char changed = original.charAt(digit) == '3' ? '2' : '3';
    String edited = original.substring(0, digit) + changed + original.substring(digit + 1);
    edit(line -> line.equals(original) ? edited : line);

    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOf(CheckpointException.class)
        .hasMessage(alteredOrDamaged());
  }

  @Test
  void epoch_5_edited_to_epoch_3_is_refused() throws IOException {
    TinyModel model = new TinyModel(2, 2, 1, 5);
    trainer.fit(model, DATA, config(5), RunOptions.none().withCheckpoint(file));
    edit(line -> line.equals("epoch 5") ? "epoch 3" : line);

    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), config(8))).hasMessage(alteredOrDamaged());
  }

  @Test
  void a_checkpoint_without_its_checksum_line_is_refused() throws IOException {
    edit(line -> line.startsWith("checksum ") ? null : line);

    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " has no 'checksum' line before its 'end' line, so it was altered or"
            + " damaged. Resume from an intact copy, or start afresh without resuming.");
  }

  @Test
  void a_checkpoint_of_format_1_is_refused_saying_why_and_what_to_do() throws IOException {
    edit(line -> line.startsWith("retrograd-checkpoint ") ? "retrograd-checkpoint 1"
        : line.startsWith("checksum ") || line.startsWith("data") ? null : line);

    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " has the older format 'retrograd-checkpoint 1', which carries no checksum"
            + " and no fingerprint of its data, so this retrograd cannot check that it is intact and belongs to the"
            + " run; it reads 'retrograd-checkpoint 3'. Start the run afresh, or finish it with the retrograd version"
            + " that wrote it.");
  }

  @Test
  void a_parameter_that_is_not_finite_is_refused_at_read_even_with_a_matching_checksum() throws IOException {
    int line = lineNumberOf("param layer1.bias[1] ");
    editKeepingChecksum(text -> text.startsWith("param layer1.bias[1] ") ? "param layer1.bias[1] NaN" : text);

    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + ", line " + line + ": parameter 'layer1.bias[1]' is NaN; a checkpoint holds"
            + " the finite parameters of a completed epoch (in 'param layer1.bias[1] NaN'). The file is corrupted;"
            + " resume from an earlier checkpoint or start afresh.");
  }

  @Test
  void a_parameter_that_is_not_finite_is_never_written() {
    Checkpoint saved = Checkpoint.read(file);
    Map<String, Double> parameters = new LinkedHashMap<>(saved.parameters());
    parameters.put("layer2.bias[0]", Double.NEGATIVE_INFINITY);

    assertThatThrownBy(() -> Checkpoint.of(saved.identity(), 2, 0, parameters, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter 'layer2.bias[0]' is -Infinity; a checkpoint holds the finite parameters of a completed"
            + " epoch");
  }

  @Test
  void the_data_fingerprint_is_the_sha256_of_the_split_rows_bits() throws IOException {
    // 10 rows, validation 0.2: 8 training rows, 2 validation rows; the same split the trainer draws
    Rows all = Rows.of(DATA, TargetEncoding.ONE_HOT);
    ValidationSplit split = ValidationSplit.draw(DATA, TargetEncoding.ONE_HOT, 0.2, new SplitMix64(42));
    ByteBuffer inputs = ByteBuffer.allocate(8 + 8 * 2 * 10).putInt(8).putInt(2);
    ByteBuffer targets = ByteBuffer.allocate(8 + 8 * 10).putInt(8).putInt(2);
    for (Rows rows : List.of(split.training(), split.validation())) {
      for (int r = 0; r < rows.size(); r++) {
        for (double value : rows.inputs()[r]) {
          inputs.putLong(Double.doubleToLongBits(value));
        }
        targets.putLong(Double.doubleToLongBits(rows.targets()[r][0]));
      }
    }

    assertThat(all.size()).isEqualTo(10);
    assertThat(lines()).contains("data inputs:" + sha256(inputs.array()) + " targets:" + sha256(targets.array()));
  }

  @Test
  void resuming_on_other_data_with_the_same_row_count_is_refused_naming_what_differs() throws IOException {
    String saved = Checkpoint.read(file).identity().data().inputs().substring(0, 8);
    Dataset otherInputs = TestData.regression(10, 2);
    double[] shiftedTargets = DATA.targets().clone();
    shiftedTargets[3] += 1e-9;
    Dataset otherTargets = new Dataset("wave", DATA.task(), DATA.featureNames(), DATA.features(), DATA.targetName(),
        List.of(), new int[0], shiftedTargets);

    assertThatThrownBy(() -> trainer.resume(new TinyModel(2, 2, 1, 5), otherInputs, config(4), file,
        RunOptions.none()))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith("Checkpoint " + file + " was saved on other data: the inputs and targets of its 10"
            + " examples differ from this run's (checkpoint wave, inputs " + saved + "… targets ")
        .hasMessageEndingWith("). Resume on the data the checkpoint was saved on, or start afresh without resuming.");
    assertThatThrownBy(() -> trainer.resume(new TinyModel(2, 2, 1, 5), otherTargets, config(4), file,
        RunOptions.none()))
        .hasMessageStartingWith("Checkpoint " + file + " was saved on other data: the targets of its 10 examples"
            + " differ from this run's (checkpoint wave, inputs " + saved + "… targets ")
        .hasMessageContaining(", this run wave, inputs " + saved + "… targets ");
  }

  @Test
  void the_same_rows_under_another_name_resume() {
    Dataset renamed = new Dataset("wave-copy.csv", DATA.task(), DATA.featureNames(), DATA.features(),
        DATA.targetName(), List.of(), new int[0], DATA.targets());

    TrainingResult resumed = trainer.resume(new TinyModel(2, 2, 1, 5), renamed, config(3), file, RunOptions.none());

    assertThat(resumed.epochs()).extracting(EpochMetrics::epoch).containsExactly(3);
  }

  @Test
  void a_write_deletes_the_temporary_files_of_ended_processes_and_keeps_the_rest() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    long running = ProcessHandle.current().parent().orElseThrow().pid();
    Path stale = Files.writeString(folder.resolve("run.ckpt." + ended.pid() + ".81234.tmp"), "retrograd-checkp");
    Path live = Files.writeString(folder.resolve("run.ckpt." + running + ".5550.tmp"), "retrograd-checkpoint 2\n");
    Path other = Files.writeString(folder.resolve("other.ckpt.1.2.tmp"), "not ours");
    Path notOurs = Files.writeString(folder.resolve("run.ckpt.notes.tmp"), "not ours either");

    Checkpoint.read(file).write(file);

    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
    assertThat(notOurs).exists();
  }

  @Test
  void a_checkpoint_reads_back_to_the_same_numbers_and_the_same_text() throws IOException {
    Checkpoint read = Checkpoint.read(file);

    assertThat(read.epoch()).isEqualTo(2);
    List<String> paramLines = trained.namedParameters().stream()
        .map(p -> "param " + p.name() + " " + p.value().data()).toList();
    assertThat(lines()).as("each parameter written by name with Double.toString").containsSubsequence(paramLines);
    assertThat(read.parameters().values()).containsExactly(
        trained.namedParameters().stream().map(p -> p.value().data()).toArray(Double[]::new));
    assertThat(read.buffers().get(TinyModel.BUFFER)).containsExactly(trained.buffers().get(TinyModel.BUFFER));
    assertThat(read.toText()).isEqualTo(Files.readString(file));
    assertThat(read.identity().batchSize()).isEqualTo(4);
    assertThat(read.identity().schedule()).isEqualTo(Schedule.step(2, 0.5));
  }

  @Test
  void a_checkpoint_written_before_clipping_named_its_limit_still_reads() throws IOException {
    editKeepingChecksum(line -> line.equals("clipping none") ? "clipping norm:1.0" : line);

    Checkpoint read = Checkpoint.read(file);

    assertThat(read.identity().clipping()).isEqualTo(Clipping.byNorm(1.0));
    assertThat(read.toText()).contains("\nclipping norm:max_norm=1.0\n");
  }

  @Test
  void an_identity_entry_that_cannot_be_read_is_reported_with_its_line_number() throws IOException {
    int line = lineNumberOf("schedule ");
    editKeepingChecksum(text -> text.startsWith("schedule ") ? "schedule step:step_size=0" : text);
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + ", line " + line + ": Schedule 'step' needs step_size >= 1, was 0; it"
            + " accepts [step_size (required, >= 1), gamma=0.1 (> 0)] (in 'schedule step:step_size=0'). The file is"
            + " corrupted; resume from an earlier checkpoint or start afresh.");
  }

  @Test
  void every_double_survives_the_round_trip_bit_for_bit() {
    double[] awkward = {0.1 + 0.2, -0.0, Double.MIN_VALUE, 1e300, -Math.PI, Double.NaN, Double.POSITIVE_INFINITY,
        4.9e-324, 1.0 / 3};
    double[] finite = {0.1 + 0.2, -0.0, Double.MIN_VALUE, 1e300, -Math.PI, -Double.MAX_VALUE, 4.9e-324, 1.0 / 3};
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (int i = 0; i < finite.length; i++) {
      parameters.put("p" + i, finite[i]);
    }
    Checkpoint saved = Checkpoint.read(file);
    Checkpoint made = Checkpoint.of(saved.identity(), saved.epoch(), saved.randomState(), parameters,
        Map.of("b", awkward), Map.of("step", new double[] {7}));
    Path copy = folder.resolve("awkward.ckpt");

    made.write(copy);
    Checkpoint read = Checkpoint.read(copy);

    assertThat(read.parameters().values().stream().mapToLong(Double::doubleToRawLongBits).toArray())
        .containsExactly(Arrays.stream(finite).mapToLong(Double::doubleToRawLongBits).toArray());
    assertThat(Arrays.stream(read.buffers().get("b")).mapToLong(Double::doubleToRawLongBits).toArray())
        .containsExactly(Arrays.stream(awkward).mapToLong(Double::doubleToRawLongBits).toArray());
  }

  @Test
  void writing_replaces_the_file_and_leaves_no_temporary_file() throws IOException {
    Checkpoint.read(file).write(file);
    Checkpoint.read(file).write(folder.resolve("copy.ckpt"));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("run.ckpt", "copy.ckpt");
    }
  }

  @Test
  void a_write_that_the_file_system_refuses_says_why() throws IOException {
    Path readOnly = Files.createDirectories(folder.resolve("read-only"));
    assumeTrue(readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly), "this user writes anywhere");
    try {
      Path target = readOnly.resolve("run.ckpt");
      assertThatThrownBy(() -> Checkpoint.read(file).write(target))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("Cannot write checkpoint " + target + ": permission denied for " + readOnly);
    } finally {
      readOnly.toFile().setWritable(true);
    }
  }

  @Test
  void reading_a_folder_says_it_is_a_folder() throws IOException {
    Path directory = Files.createDirectories(folder.resolve("a-folder.ckpt"));
    assertThatThrownBy(() -> Checkpoint.read(directory))
        .hasMessage("Cannot read checkpoint " + directory + ": Is a directory.");
  }

  @Test
  void a_file_that_is_not_a_checkpoint_is_refused() throws IOException {
    Files.writeString(file, "epoch,loss\n1,0.5\n");
    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("Checkpoint " + file + " is not a retrograd checkpoint: line 1 is 'epoch,loss', expected"
            + " 'retrograd-checkpoint 3'.");
  }

  @Test
  void another_format_version_is_refused() throws IOException {
    edit(line -> line.equals("retrograd-checkpoint 3") ? "retrograd-checkpoint 4" : line);
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " has format 'retrograd-checkpoint 4', but this retrograd reads"
            + " 'retrograd-checkpoint 3'.");
  }

  @Test
  void an_empty_or_missing_file_is_refused() throws IOException {
    Files.writeString(file, "");
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " is empty; a checkpoint starts with 'retrograd-checkpoint 3'.");
    Path missing = folder.resolve("missing.ckpt");
    assertThatThrownBy(() -> Checkpoint.read(missing))
        .hasMessage("Checkpoint " + missing + " does not exist; give the file a run wrote with a checkpoint path,"
            + " or start afresh without resuming.");
  }

  @Test
  void a_truncated_file_is_refused() throws IOException {
    List<String> lines = lines();
    List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 3));
    cut.add("optimizer_state momentum_buffer 9 0.76869");  // cut off mid-line
    Files.write(file, cut);
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " is truncated: it ends after line " + (lines.size() - 2)
            + " without the closing 'end' line. Resume from an earlier checkpoint or start afresh.");
    Files.write(file, lines.subList(0, lines.size() - 1));
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + " is truncated: it ends after line " + (lines.size() - 1)
            + " without the closing 'end' line. Resume from an earlier checkpoint or start afresh.");
  }

  @Test
  void an_entry_that_does_not_parse_is_reported_with_its_line_even_when_the_checksum_matches() throws IOException {
    int line = lineNumberOf("optimizer_state momentum_buffer ");
    editKeepingChecksum(text -> text.startsWith("optimizer_state momentum_buffer ")
        ? "optimizer_state momentum_buffer 9 0.76869" : text);
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + ", line " + line + ": optimizer state 'momentum_buffer'"
            + " declares 9 values but lists 1 (in 'optimizer_state momentum_buffer 9 0.76869'). The file is corrupted;"
            + " resume from an earlier checkpoint or start afresh.");
  }

  @Test
  void an_unparsable_number_is_reported_with_its_line_number() throws IOException {
    int line = lineNumberOf("param layer1.bias[0] ");
    editKeepingChecksum(text -> text.startsWith("param layer1.bias[0] ") ? "param layer1.bias[0] 0.1x5" : text);
    assertThatThrownBy(() -> Checkpoint.read(file))
        .hasMessage("Checkpoint " + file + ", line " + line + ": '0.1x5' is not a number (in 'param layer1.bias[0]"
            + " 0.1x5'). The file is corrupted; resume from an earlier checkpoint or start afresh.");
  }

  @Test
  void unknown_repeated_and_missing_entries_are_refused() throws IOException {
    List<String> original = lines();
    editKeepingChecksum(text -> text.startsWith("seed ") ? "sede 42" : text);
    assertThatThrownBy(() -> Checkpoint.read(file)).hasMessage("Checkpoint " + file + ", line 14: unknown entry"
        + " 'sede' (in 'sede 42'). The file is corrupted; resume from an earlier checkpoint or start afresh.");

    Files.write(file, original);
    editKeepingChecksum(text -> text.startsWith("param layer1.bias[1] ") ? "param layer1.bias[0] 0.5" : text);
    assertThatThrownBy(() -> Checkpoint.read(file)).hasMessageContaining(
        ": parameter 'layer1.bias[0]' is given twice (first on line " + lineNumberOf("param layer1.bias[0]") + ")");

    Files.write(file, original);
    editKeepingChecksum(text -> text.startsWith("epoch ") ? null : text);
    assertThatThrownBy(() -> Checkpoint.read(file)).hasMessage("Checkpoint " + file + " has no 'epoch' entry.");
  }

  @Test
  void resuming_into_a_different_architecture_shows_both() {
    assertThatThrownBy(() -> resume(new TinyModel(2, 3, 1, 5), config(4)))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("Checkpoint " + file + " was saved from a different architecture: checkpoint '2 -> 2 tanh -> 1"
            + " identity, centered inputs', this model '2 -> 3 tanh -> 1 identity, centered inputs'. Build the model"
            + " the checkpoint was saved from, or start afresh without resuming.");
  }

  @Test
  void resuming_with_a_different_optimizer_or_hyperparameters_shows_both() {
    String sgd = "sgd(lr=0.1,momentum=0.9,dampening=0.0,nesterov=false,weight_decay=0.0)";
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5),
        configBuilder(4).optimizer("sgd", Hyperparameters.parse("lr=0.2,momentum=0.9")).build()))
        .hasMessage("Checkpoint " + file + " was saved with a different optimizer: checkpoint " + sgd
            + ", this run " + sgd.replace("lr=0.1", "lr=0.2") + ". Resume with the same optimizer, or start"
            + " afresh without resuming.");
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5),
        configBuilder(4).optimizer("adam").build()))
        .hasMessage("Checkpoint " + file + " was saved with a different optimizer: checkpoint " + sgd
            + ", this run adam(lr=0.001,beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.0,amsgrad=false). Resume"
            + " with the same optimizer, or start afresh without resuming.");
  }

  @Test
  void resuming_with_a_different_setting_names_it() {
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), configBuilder(4).batchSize(8).build()))
        .hasMessage("Checkpoint " + file + " was saved with a different batch_size: checkpoint 4, this run 8. Resume"
            + " with the same batch_size, or start afresh without resuming.");
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), configBuilder(4).schedule(Schedule.cosine()).build()))
        .hasMessage("Checkpoint " + file + " was saved with a different schedule: checkpoint"
            + " step:step_size=2,gamma=0.5, this run cosine. Resume with the same schedule, or start afresh without"
            + " resuming.");
  }

  @Test
  void resuming_into_parameters_of_other_names_or_count_says_which() throws IOException {
    List<String> original = lines();
    editKeepingChecksum(text -> text.startsWith("param layer1.bias[1] ") ? text.replace("bias[1]", "bias[9]") : text);
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), config(4)))
        .hasMessage("Checkpoint " + file + " does not fit this model: parameter 5 is 'layer1.bias[9]' in the"
            + " checkpoint but 'layer1.bias[1]' in the model.");

    Files.write(file, original);
    editKeepingChecksum(text -> text.startsWith("param layer2.bias[0] ") ? null : text);
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), config(4)))
        .hasMessage("Checkpoint " + file + " does not fit this model: the checkpoint has 8 parameters, the model 9.");
  }

  @Test
  void resuming_with_buffers_or_optimizer_state_that_do_not_fit_passes_on_what_differs() throws IOException {
    List<String> original = lines();
    editKeepingChecksum(text -> text.startsWith("buffer ") ? "buffer input.running_mean 1 0.5" : text);
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), config(4)))
        .hasMessage("Checkpoint " + file + " does not fit this model: buffer input.running_mean needs 2 values, got 1");

    Files.write(file, original);
    editKeepingChecksum(text -> text.replace("optimizer_state momentum_buffer", "optimizer_state exp_avg"));
    TinyModel model = new TinyModel(2, 2, 1, 5);
    assertThatThrownBy(() -> resume(model, config(4)))
        .hasMessage("Checkpoint " + file + " does not fit this optimizer: Optimizer state has buffers [step, exp_avg]"
            + " but this optimizer keeps [step, momentum_buffer]; was it saved by a different optimizer?");
    assertThat(model.buffers().get(TinyModel.BUFFER)).as("buffers put back").containsExactly(0.0, 0.0);
  }

  @Test
  void resuming_a_run_that_already_has_its_epochs_asks_for_more() {
    assertThatThrownBy(() -> resume(new TinyModel(2, 2, 1, 5), config(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Checkpoint " + file + " has already completed 2 epochs and this run asks for 2; ask for more"
            + " epochs to continue training.");
  }

  @Test
  void a_refused_resume_leaves_the_model_untouched() {
    TinyModel model = new TinyModel(2, 2, 1, 77);
    double before = model.namedParameters().get(0).value().data();
    assertThatThrownBy(() -> resume(model, configBuilder(4).batchSize(8).build()))
        .isInstanceOf(CheckpointException.class);
    assertThat(model.namedParameters().get(0).value().data()).isEqualTo(before);
  }
}
