package dev.chatsignal.server;

/** A setting has an invalid value; the message names it and the expected form. */
final class ConfigException extends RuntimeException {
  ConfigException(String message) {
    super(message);
  }
}
