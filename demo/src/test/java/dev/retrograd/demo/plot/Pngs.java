package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads back the PNGs the tests write. */
final class Pngs {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Pngs() {}

  /** Reads {@code file}, checking that it is a PNG of {@code width × height} pixels. */
  static BufferedImage read(Path file, int width, int height) throws IOException {
    byte[] head = new byte[SIGNATURE.length];
    try (var in = Files.newInputStream(file)) {
      assertThat(in.read(head)).isEqualTo(SIGNATURE.length);
    }
    assertThat(head).as("PNG signature of " + file).isEqualTo(SIGNATURE);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("decoded " + file).isNotNull();
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    return image;
  }

  /** Returns how many pixels of {@code image} have exactly the color {@code rgb}. */
  static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff) ? 1 : 0;
      }
    }
    return n;
  }
}
