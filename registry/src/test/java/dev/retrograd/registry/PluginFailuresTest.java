package dev.retrograd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.PluginException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Plugins that break in create(), and files given as plugin jars that are not what they claim. */
class PluginFailuresTest {

  @TempDir
  Path dir;

  /** An activation whose create() returns null. */
  public static final class ReturnsNull implements ActivationPlugin {
    @Override
    public String name() {
      return "nothing";
    }

    @Override
    public String description() {
      return "returns null";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("slope", 0.5, "a slope"));
    }

    @Override
    public Activation create(Hyperparameters hyperparameters) {
      return null;
    }
  }

  /** An activation whose create() throws what a careless plugin throws. */
  public static final class Throws implements ActivationPlugin {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String description() {
      return "throws";
    }

    @Override
    public Activation create(Hyperparameters hyperparameters) {
      throw new NullPointerException("table is null");
    }
  }

  private final Plugins plugins = Plugins.of(List.of(new ReturnsNull(), new Throws()));

  @Test
  void a_plugin_whose_create_returns_null_is_named_with_its_class_not_a_null_pointer_exception() {
    assertThatThrownBy(() -> plugins.activation("nothing"))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Activation 'nothing' (dev.retrograd.registry.PluginFailuresTest$ReturnsNull (")
        .hasMessageEndingWith(") returned null from create(slope=0.5); create must return a new activation."
            + " Fix the plugin or remove its jar.");
  }

  @Test
  void a_plugin_whose_create_throws_is_named_with_its_class_and_the_cause() {
    assertThatThrownBy(() -> plugins.activation("broken"))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Activation 'broken' (dev.retrograd.registry.PluginFailuresTest$Throws (")
        .hasMessageEndingWith(") failed in create(): java.lang.NullPointerException: table is null."
            + " Fix the plugin or remove its jar.")
        .hasCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void a_text_file_named_jar_is_refused_not_ignored() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("sign-descent.jar"), "this is not a jar\n");

    assertThatThrownBy(() -> Plugins.load(List.of(notAJar)))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Plugin jar " + notAJar + " is not a jar (zip) file (")
        .hasMessageEndingWith("); build it with 'jar cf NAME.jar -C classes .', or remove it.");
  }

  @Test
  void a_text_file_named_jar_in_a_plugin_folder_is_refused_too() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("broken.jar"), "PK? no");

    assertThatThrownBy(() -> Plugins.load(List.of(dir)))
        .hasMessageStartingWith("Plugin jar " + notAJar + " is not a jar (zip) file (");
  }

  @Test
  void a_jar_that_declares_no_plugin_is_loaded_with_a_warning() throws IOException {
    Path library = dir.resolve("library.jar");
    try (OutputStream file = Files.newOutputStream(library); JarOutputStream jar = new JarOutputStream(file)) {
      jar.putNextEntry(new JarEntry("README.txt"));
      jar.write("no plugins here".getBytes());
    }
    Logger logger = (Logger) LoggerFactory.getLogger(Plugins.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    logger.addAppender(warnings);
    logger.setAdditive(false);
    try {
      Plugins.load(List.of(library));

      assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(library
          + " declares no plugin: it has none of [META-INF/services/dev.retrograd.api.OptimizerPlugin,"
          + " META-INF/services/dev.retrograd.api.ActivationPlugin, META-INF/services/dev.retrograd.api.LossPlugin,"
          + " META-INF/services/dev.retrograd.api.InitializerPlugin,"
          + " META-INF/services/dev.retrograd.registry.PluginModule]. It is on the class path, for the plugins"
          + " that need it.");
    } finally {
      logger.setAdditive(true);
      logger.detachAppender(warnings);
    }
  }
}
