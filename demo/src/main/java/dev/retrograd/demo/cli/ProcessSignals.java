package dev.retrograd.demo.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's SIGINT and SIGTERM, watched through the JDK's {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, in every JDK; reached by reflection, so the build carries no warning
 * about it and a runtime without it keeps the JVM's own handling).
 *
 * <p>The first signal is recorded and the JVM's own handlers are put back at once, so <b>a second
 * signal ends the program immediately</b>, as a user pressing Ctrl-C twice expects. A program
 * started in the background by a shell without job control ignores SIGINT, as Unix has it; SIGTERM
 * still works.
 */
final class ProcessSignals implements StopSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessSignals.class);

  @Override
  public Watch watch() {
    return new ProcessWatch();
  }

  /** Handlers for INT and TERM while it is open. */
  private static final class ProcessWatch implements Watch {

    private final Map<Object, Object> previousHandlers = new LinkedHashMap<>();
    private volatile StopSignal received;
    private Method handle;

    ProcessWatch() {
      try {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Method getName = signalClass.getMethod("getName");
        Method getNumber = signalClass.getMethod("getNumber");
        InvocationHandler onSignal = (proxy, method, arguments) -> switch (method.getName()) {
          case "handle" -> {
            stop(new StopSignal("SIG" + getName.invoke(arguments[0]), (Integer) getNumber.invoke(arguments[0])));
            yield null;
          }
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == arguments[0];
          default -> "retrograd's stop handler";
        };
        Object handler = Proxy.newProxyInstance(ProcessSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
            onSignal);
        for (String name : new String[] {"INT", "TERM"}) {
          Object signal = signalClass.getConstructor(String.class).newInstance(name);
          try {
            previousHandlers.put(signal, handle.invoke(null, signal, handler));
          } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot watch SIG{}: {}", name, e.toString());
          }
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        LOG.debug("Cannot watch signals, the JVM handles them: {}", e.toString());
      }
    }

    private void stop(StopSignal signal) {
      if (received == null) {
        received = signal;
      }
      restore();
    }

    private synchronized void restore() {
      previousHandlers.forEach((signal, previous) -> {
        try {
          handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
          LOG.debug("Cannot put back the handler of {}: {}", signal, e.toString());
        }
      });
      previousHandlers.clear();
    }

    @Override
    public Optional<StopSignal> received() {
      return Optional.ofNullable(received);
    }

    @Override
    public void close() {
      restore();
    }
  }
}
