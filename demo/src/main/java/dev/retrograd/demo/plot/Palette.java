package dev.retrograd.demo.plot;

import java.awt.Color;

/**
 * The colors of every chart: first matplotlib's "tab10" (Tableau 10), told apart easily on white;
 * past ten, as many more as needed, each a hue turned by the golden angle from the one before (so
 * neighbours differ most) at one of three saturation and brightness levels.
 *
 * <p>Series {@code i} of a line or bar chart and class {@code i} of a decision boundary use color
 * {@code i}; a class region uses the same hue faded toward white, a data point the same hue darkened.
 */
final class Palette {

  /** How many colors come from tab10; the ones after them are generated. */
  static final int SIZE = 10;

  /** The golden angle as a share of the color wheel, (3 − √5) / 2. */
  private static final double GOLDEN_TURN = (3 - Math.sqrt(5)) / 2;

  private static final Color[] TAB10 = {
    new Color(0x1f77b4), // blue
    new Color(0xff7f0e), // orange
    new Color(0x2ca02c), // green
    new Color(0xd62728), // red
    new Color(0x9467bd), // purple
    new Color(0x8c564b), // brown
    new Color(0xe377c2), // pink
    new Color(0x7f7f7f), // gray
    new Color(0xbcbd22), // olive
    new Color(0x17becf), // cyan
  };

  /** How far a region color is faded toward white: 0 keeps the color, 1 is white. */
  private static final double REGION_FADE = 0.72;

  private Palette() {}

  /** Returns color {@code i} (≥ 0): tab10's for the first ten, then generated ones, all distinct. */
  static Color color(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("color index must be >= 0, was " + i);
    }
    if (i < SIZE) {
      return TAB10[i];
    }
    int extra = i - SIZE;
    float hue = (float) ((0.07 + extra * GOLDEN_TURN) % 1.0);
    float saturation = new float[] {0.75f, 0.55f, 0.9f}[extra % 3];
    float brightness = new float[] {0.8f, 0.65f, 0.95f}[(extra / 3) % 3];
    return Color.getHSBColor(hue, saturation, brightness);
  }

  /** Returns the dark color of a data point of class {@code i}: color {@code i} at 80% brightness. */
  static Color point(int i) {
    Color c = color(i);
    return new Color((int) (c.getRed() * 0.8), (int) (c.getGreen() * 0.8), (int) (c.getBlue() * 0.8));
  }

  /** Returns the light background color of class region {@code i}. */
  static Color region(int i) {
    Color c = color(i);
    return new Color(fade(c.getRed()), fade(c.getGreen()), fade(c.getBlue()));
  }

  private static int fade(int channel) {
    return (int) Math.round(channel + (255 - channel) * REGION_FADE);
  }
}
