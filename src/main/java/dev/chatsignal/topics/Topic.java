package dev.chatsignal.topics;

/**
 * One node of the interest taxonomy.
 *
 * @param id stable taxonomy id (positive)
 * @param parentId the parent's id, or 0 for a top-level topic
 * @param name the last path segment, e.g. {@code Hiking & Camping}
 * @param path the slash path from the root
 * @param adsSensitive true when the topic must never be used to score or target ads
 */
public record Topic(int id, int parentId, String name, String path, boolean adsSensitive) {
  public Topic {
    if (id <= 0) {
      throw new IllegalArgumentException("id: " + id + " (expected: > 0)");
    }
    if (parentId < 0) {
      throw new IllegalArgumentException("parentId: " + parentId + " (expected: >= 0)");
    }
  }
}
