package dev.chatsignal.store;

/**
 * What an erasure removed.
 *
 * @param entriesDeleted (topic, source) entries removed
 * @param profileDeleted true when nothing of the profile is left
 */
public record Erasure(int entriesDeleted, boolean profileDeleted) {}
