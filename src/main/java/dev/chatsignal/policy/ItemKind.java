package dev.chatsignal.policy;

/** The kind of a ranked or engaged item. Only {@link #AD} is subject to the ad rules. */
public enum ItemKind {
  REEL,
  GROUP,
  POST,
  AD
}
