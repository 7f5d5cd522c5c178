package dev.chatsignal.ingest;

import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.topics.TopicWeight;
import java.util.List;

/** The content of an interaction: an assistant chat turn or an engagement with an item. */
public sealed interface Signal {
  /**
   * One user turn with the assistant. The text lives only for the duration of the ingest call.
   *
   * @param voice true for a speech-to-text transcript
   */
  record Chat(String text, boolean voice) implements Signal {
    @Override
    public String toString() {
      return "Chat[text=<" + text.length() + " chars>, voice=" + voice + "]";
    }
  }

  /**
   * An engagement. When {@code topics} is empty, {@code text} is classified instead.
   */
  record Engagement(EngagementKind kind, String itemId, ItemKind itemKind, List<TopicWeight> topics, String text)
      implements Signal {
    public Engagement {
      topics = List.copyOf(topics);
    }

    @Override
    public String toString() {
      return "Engagement[kind=" + kind + ", itemKind=" + itemKind + ", topics=" + topics + "]";
    }
  }
}
