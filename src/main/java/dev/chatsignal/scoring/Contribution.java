package dev.chatsignal.scoring;

import dev.chatsignal.store.SignalSource;

/**
 * How much one candidate topic added to a score, and through which profile topic and source.
 *
 * @param amount the score added (negative for a suppressed topic)
 * @param source the dominant source of the profile topic; null for a suppression penalty
 * @param profileTopicId the user's topic it came through (equal to topicId for a direct match)
 */
public record Contribution(int topicId, SignalSource source, double amount, int profileTopicId) {}
