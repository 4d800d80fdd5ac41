package dev.retrograd.demo.cli;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.retrograd.data.Circles;
import dev.retrograd.data.CsvDataset;
import dev.retrograd.data.Digits;
import dev.retrograd.data.MnistFolder;
import dev.retrograd.data.Moons;
import dev.retrograd.data.Sine;
import dev.retrograd.data.Spiral;
import dev.retrograd.data.Xor;

/**
 * Binds the data sets {@code train} knows, by name: the digits, MNIST and Fashion-MNIST (from their IDX
 * files), five generated from a seed, and a user's CSV file. Another module may add one to the same {@code MapBinder<String, DataSource>}.
 */
final class DataSourcesModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, DataSource> sources = MapBinder.newMapBinder(binder(), String.class, DataSource.class);
    sources.addBinding(Digits.NAME).toInstance(s -> Digits.load());
    sources.addBinding(Moons.NAME).toInstance(s -> Moons.generate(s.samples(), s.noise(), s.seed()));
    sources.addBinding(Circles.NAME).toInstance(s -> Circles.generate(s.samples(), s.noise(), s.seed()));
    sources.addBinding(Spiral.NAME).toInstance(s -> Spiral.generate(s.samples(), s.noise(), s.seed(), s.classes()));
    sources.addBinding(Xor.NAME).toInstance(s -> Xor.generate(s.samples(), s.noise(), s.seed()));
    sources.addBinding(Sine.NAME).toInstance(s -> Sine.generate(s.samples(), s.noise(), s.seed()));
    sources.addBinding(MnistFolder.FASHION.name()).toInstance(new MnistSource(MnistFolder.FASHION));
    sources.addBinding(MnistFolder.DIGITS.name()).toInstance(new MnistSource(MnistFolder.DIGITS));
    sources.addBinding(DataOptions.CSV).toInstance(s -> CsvDataset.load(s.file(), s.target(), s.task()));
  }
}
