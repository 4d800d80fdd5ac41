import com.google.inject.Guice;
import dev.retrograd.demo.cli.CommandLineModule;
import dev.retrograd.registry.Plugins;

/**
 * Times, in one fresh JVM, what `retrograd plugins` does first: building the command line's
 * injector (Guice's own start-up included), then Plugins.load() (ServiceLoader, Logback's start on
 * the first log call, the registry's injector). Run it with the shaded jar on the class path:
 * {@code java -cp demo/target/retrograd.jar bench/StartupTimes.java}.
 */
public class StartupTimes {
  public static void main(String[] args) {
    long start = System.nanoTime();
    Guice.createInjector(new CommandLineModule());
    long injected = System.nanoTime();
    Plugins.load();
    long loaded = System.nanoTime();
    System.out.printf("command-line injector %.0f ms, then Plugins.load() %.0f ms%n",
        (injected - start) / 1e6, (loaded - injected) / 1e6);
  }
}
