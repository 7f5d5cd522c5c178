package dev.chatsignal.api;

/** The versions stamped on responses: policy rules, taxonomy, and classifier (with affinity map). */
public record Versions(String policy, String taxonomy, String classifier) {}
