package dev.chatsignal.server;

/**
 * Runs a drain on SIGTERM or SIGINT instead of the JVM's default exit (status 143), so that a
 * graceful stop exits 0. Uses {@code sun.misc.Signal} from {@code jdk.unsupported}, the supported way
 * to handle signals on the JDK; the drain runs on its own thread.
 */
final class Signals {
  private Signals() {}

  @SuppressWarnings("restriction")
  static void onTermination(Runnable drain) {
    Thread worker = new Thread(drain, "chatsignal-drain");
    sun.misc.SignalHandler handler = signal -> {
      synchronized (Signals.class) {
        if (worker.getState() == Thread.State.NEW) {
          worker.start();
        }
      }
    };
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
  }
}
