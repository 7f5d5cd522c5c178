package dev.chatsignal.scoring;

import dev.chatsignal.store.SignalSource;

/**
 * How much one candidate topic added to a score, and through which profile topic, source and app.
 *
 * @param amount the score added (negative for a suppressed topic)
 * @param source the dominant source of the profile topic; null for a suppression penalty
 * @param profileTopicId the user's topic it came through (equal to topicId for a direct match)
 * @param app the app the profile signal came from; null for a suppression penalty
 * @param noise true when the profile topic is privacy noise, not the user's
 */
public record Contribution(int topicId, SignalSource source, double amount, int profileTopicId, String app,
    boolean noise) {}
