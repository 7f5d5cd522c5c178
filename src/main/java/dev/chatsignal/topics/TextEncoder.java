package dev.chatsignal.topics;

/** Turns normalized text ({@link TextNormalizer}) into a unit-length vector. Thread-safe. */
interface TextEncoder extends AutoCloseable {
  /** The model's identifier, part of the classifier version and of stored prototype vectors. */
  String modelId();

  /** Vector length. */
  int dimensions();

  /** A unit vector ({@link #dimensions()} floats); all zeros for blank text. */
  float[] encode(String normalized);

  @Override
  default void close() {}
}
