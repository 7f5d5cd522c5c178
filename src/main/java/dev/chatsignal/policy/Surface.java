package dev.chatsignal.policy;

/** The product surface a ranking is for. Ads surfaces follow the stricter ad rules. */
public enum Surface {
  FEED,
  REELS,
  GROUPS,
  ADS
}
