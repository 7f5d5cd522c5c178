package dev.chatsignal.deploy;

import java.util.Arrays;
import java.util.List;

/**
 * The server's settings as environment variable names, read from the enum behind
 * {@code java -jar chatsignal.jar --help} ({@code dev.chatsignal.server.Setting}, package-private, so by
 * name): a setting added to the server and forgotten in the ConfigMap or the runbook fails a test.
 */
final class ServerSettings {
  private ServerSettings() {}

  static List<String> envNames() {
    try {
      Object[] settings = Class.forName("dev.chatsignal.server.Setting").getEnumConstants();
      return Arrays.stream(settings).map(s -> "CHATSIGNAL_" + ((Enum<?>) s).name()).toList();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("dev.chatsignal.server.Setting moved: update ServerSettings", e);
    }
  }
}
