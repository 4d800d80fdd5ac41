package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

  @TempDir
  Path folder;

  @ParameterizedTest(name = "gzip {0}")
  @ValueSource(booleans = {false, true})
  void images_are_read_row_major_and_scaled_to_the_unit_interval(boolean gzip) throws IOException {
    Path images = IdxFiles.images(folder.resolve("img"), 3, 2, 3, gzip);
    Path labels = IdxFiles.labels(folder.resolve("lab"), gzip, 2, 0, 1);

    Dataset data = IdxDataset.load(images, labels, "tiny", List.of("a", "b", "c"), 0);

    assertThat(data.size()).isEqualTo(3);
    assertThat(data.featureNames()).containsExactly("pixel_0_0", "pixel_0_1", "pixel_0_2", "pixel_1_0", "pixel_1_1",
        "pixel_1_2");
    assertThat(data.labels()).containsExactly(2, 0, 1);
    assertThat(data.classNames()).containsExactly("a", "b", "c");
    // image 2, pixel 4: (2·7 + 4·3) mod 256 = 26, scaled by 255
    assertThat(data.features()[2][4]).isCloseTo(26 / 255.0, within(1e-15));
    for (int i = 0; i < 3; i++) {
      for (int p = 0; p < 6; p++) {
        assertThat(data.features()[i][p]).isEqualTo(IdxFiles.pixel(i, p) / 255.0);
      }
    }
    assertThat(ImageShape.of(data.featureNames())).contains(new ImageShape(2, 3));
  }

  @Test
  void a_byte_of_255_is_one_and_a_byte_of_128_is_not_negative() throws IOException {
    Path images = folder.resolve("img");
    Files.write(images, IdxFiles.idx(new int[] {1, 1, 3}, new int[] {255, 128, 0}));

    IdxFile.Images read = IdxFile.images(images, 0);

    assertThat(read.pixels()[0]).containsExactly(1.0, 128 / 255.0, 0.0);
  }

  @Test
  void a_limit_reads_only_the_first_images_and_labels() throws IOException {
    Path images = IdxFiles.images(folder.resolve("img.gz"), 5, 2, 2, true);
    Path labels = IdxFiles.labels(folder.resolve("lab.gz"), true, 0, 1, 1, 0, 1);

    Dataset data = IdxDataset.load(images, labels, "tiny", null, 2);

    assertThat(data.size()).isEqualTo(2);
    assertThat(data.labels()).containsExactly(0, 1);
    assertThat(data.classNames()).containsExactly("0", "1");
    assertThat(data.features()[1][3]).isEqualTo(IdxFiles.pixel(1, 3) / 255.0);
  }

  @Test
  void a_file_that_is_not_idx_is_refused_with_its_first_bytes() throws IOException {
    Path images = Files.writeString(folder.resolve("images.csv"), "a,b\n1,2\n");
    Path labels = IdxFiles.labels(folder.resolve("lab"), false, 0);

    assertThatThrownBy(() -> IdxDataset.load(images, labels, "x", null, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("images.csv is not an IDX file: it starts with 61 2C 62 0A, and an IDX file starts with 00 00 08"
            + " and its number of dimensions; give MNIST's train-images-idx3-ubyte or train-labels-idx1-ubyte files"
            + " (raw or .gz)");
  }

  @Test
  void labels_given_as_images_are_refused_by_their_dimensions() throws IOException {
    Path labels = IdxFiles.labels(folder.resolve("labels"), false, 0, 1);

    assertThatThrownBy(() -> IdxFile.images(labels, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("labels holds IDX data of 1 dimension (labels); expected images (3 dimensions: count, rows,"
            + " columns)");
  }

  @Test
  void values_of_another_type_are_refused() throws IOException {
    byte[] bytes = IdxFiles.idx(new int[] {1}, new int[] {0, 0, 0, 0});
    bytes[2] = 0x0D;   // float
    Path file = Files.write(folder.resolve("floats"), bytes);

    assertThatThrownBy(() -> IdxFile.labels(file, 0))
        .hasMessage("floats holds IDX values of type 0x0D; only unsigned bytes (0x08) are read, as MNIST's files"
            + " hold");
  }

  @ParameterizedTest(name = "gzip {0}")
  @ValueSource(booleans = {false, true})
  void truncated_images_are_refused_naming_the_image_where_they_end(boolean gzip) throws IOException {
    byte[] whole = IdxFiles.idx(new int[] {4, 2, 2}, new int[16]);
    byte[] cut = Arrays.copyOf(whole, whole.length - 6);   // image 3 has 2 of its 4 bytes, image 4 none
    Path file = Files.write(folder.resolve("images"), gzip ? IdxFiles.gzip(cut) : cut);

    assertThatThrownBy(() -> IdxFile.images(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("images is truncated: it declares 4 images of 2×2 pixels but ends inside image 3; download it"
            + " again");
  }

  @Test
  void a_gzip_stream_cut_off_is_refused_as_truncated() throws IOException {
    byte[] compressed = IdxFiles.gzip(IdxFiles.idx(new int[] {50, 4, 4}, new int[800]));
    Path file = Files.write(folder.resolve("images.gz"), Arrays.copyOf(compressed, compressed.length / 2));

    assertThatThrownBy(() -> IdxFile.images(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("images.gz is truncated: its gzip data end early; download it again");
  }

  @Test
  void truncated_labels_are_refused_with_the_count_they_hold() throws IOException {
    byte[] whole = IdxFiles.idx(new int[] {5}, new int[] {1, 2, 3, 4, 5});
    Path file = Files.write(folder.resolve("labels"), Arrays.copyOf(whole, whole.length - 2));

    assertThatThrownBy(() -> IdxFile.labels(file, 0))
        .hasMessage("labels is truncated: it declares 5 labels but holds 3; download it again");
  }

  @Test
  void a_header_cut_off_is_refused_as_truncated() throws IOException {
    Path file = Files.write(folder.resolve("labels"), new byte[] {0, 0, 8, 1, 0, 0});

    assertThatThrownBy(() -> IdxFile.labels(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("labels is truncated: it ends inside its IDX header; download it again");
  }

  @Test
  void an_empty_file_is_not_an_idx_file() throws IOException {
    Path file = Files.write(folder.resolve("empty"), new byte[0]);

    assertThatThrownBy(() -> IdxFile.labels(file, 0))
        .hasMessageStartingWith("empty is not an IDX file: it starts with nothing (the file is empty)");
  }

  @Test
  void images_and_labels_of_different_counts_are_refused_naming_both_files() throws IOException {
    Path images = IdxFiles.images(folder.resolve("train-images-idx3-ubyte"), 3, 2, 2, false);
    Path labels = IdxFiles.labels(folder.resolve("t10k-labels-idx1-ubyte"), false, 0, 1);

    assertThatThrownBy(() -> IdxDataset.load(images, labels, "x", null, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("train-images-idx3-ubyte holds 3 images but t10k-labels-idx1-ubyte holds 2 labels; each image"
            + " needs its label, so give the images and labels files of the same set");
  }

  @Test
  void a_label_outside_the_classes_is_refused() throws IOException {
    Path images = IdxFiles.images(folder.resolve("img"), 2, 1, 1, false);
    Path labels = IdxFiles.labels(folder.resolve("lab"), false, 1, 7);

    assertThatThrownBy(() -> IdxDataset.load(images, labels, "x", List.of("a", "b"), 0))
        .hasMessage("lab: label 7 of image 2 is not one of the 2 classes 0 to 1 [a, b]");
  }

  @Test
  void a_missing_file_names_its_path() {
    Path missing = folder.resolve("nothing.gz");

    assertThatThrownBy(() -> IdxFile.images(missing, 0))
        .isInstanceOf(IOException.class)
        .hasMessage("Cannot read " + missing + ": no such file");
  }

  @Test
  void a_folder_of_the_four_files_gives_the_official_split_raw_or_compressed() throws IOException {
    IdxFiles.images(folder.resolve("train-images-idx3-ubyte.gz"), 6, 2, 2, true);
    IdxFiles.labels(folder.resolve("train-labels-idx1-ubyte.gz"), true, 0, 1, 2, 3, 4, 9);
    IdxFiles.images(folder.resolve("t10k-images-idx3-ubyte"), 2, 2, 2, false);
    IdxFiles.labels(folder.resolve("t10k-labels-idx1-ubyte"), false, 9, 0);

    Split split = MnistFolder.FASHION.load(folder, 0);

    assertThat(split.train().size()).isEqualTo(6);
    assertThat(split.test().size()).isEqualTo(2);
    assertThat(split.test().name()).isEqualTo("fashion-mnist");
    assertThat(split.test().labels()).containsExactly(9, 0);
    assertThat(split.train().classNames().get(9)).isEqualTo("Ankle boot");
    assertThat(split.train().classNames().get(0)).isEqualTo("T-shirt/top");
    assertThat(MnistFolder.FASHION.load(folder, 4).train().size()).isEqualTo(4);
  }

  @Test
  void a_folder_without_the_files_says_which_are_missing_and_how_to_get_them() throws IOException {
    IdxFiles.labels(folder.resolve("train-labels-idx1-ubyte.gz"), true, 0);

    assertThatThrownBy(() -> MnistFolder.FASHION.load(folder, 0))
        .isInstanceOf(IOException.class)
        .hasMessage("Fashion-MNIST is not in " + folder + ": train-images-idx3-ubyte, t10k-images-idx3-ubyte,"
            + " t10k-labels-idx1-ubyte are missing (raw or .gz); install Debian's package (apt-get install"
            + " dataset-fashion-mnist), or download the four files from https://github.com/zalandoresearch/fashion-mnist"
            + " into a folder and give that folder");
  }

  @Test
  void image_shapes_are_read_from_pixel_names_only_when_they_fill_a_rectangle_in_order() {
    assertThat(ImageShape.of(ImageShape.featureNames(8, 8))).contains(new ImageShape(8, 8));
    assertThat(ImageShape.of(Digits.load().featureNames())).contains(new ImageShape(8, 8));
    assertThat(ImageShape.of(List.of("x1", "x2"))).isEmpty();
    assertThat(ImageShape.of(List.of("pixel_0_1", "pixel_0_0"))).isEmpty();
    assertThat(ImageShape.of(List.of("pixel_0_0", "pixel_1_1"))).isEmpty();
    assertThat(ImageShape.of(List.of())).isEmpty();
  }
}
