package dev.chatsignal.deploy;

import java.util.List;
import java.util.Map;

/**
 * Typed access into parsed YAML/JSON trees: {@code Node.str(deployment, "spec.template.spec.hostname")}.
 * A missing or mistyped step fails with the path that was asked for, so a broken manifest names itself.
 */
final class Node {
  private Node() {}

  static Object at(Object root, String dottedPath) {
    Object current = root;
    for (String key : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        throw new AssertionError("missing " + dottedPath + " (at '" + key + "')");
      }
      current = m.get(key);
    }
    return current;
  }

  static boolean has(Object root, String dottedPath) {
    try {
      return at(root, dottedPath) != null;
    } catch (AssertionError e) {
      return false;
    }
  }

  static Map<String, Object> map(Object root, String dottedPath) {
    return map(at(root, dottedPath));
  }

  static List<Object> list(Object root, String dottedPath) {
    Object value = at(root, dottedPath);
    if (!(value instanceof List<?>)) {
      throw new AssertionError(dottedPath + " is not a list: " + value);
    }
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) value;
    return list;
  }

  static List<Map<String, Object>> maps(Object root, String dottedPath) {
    return list(root, dottedPath).stream().map(Node::map).toList();
  }

  static String str(Object root, String dottedPath) {
    return String.valueOf(at(root, dottedPath));
  }

  static int integer(Object root, String dottedPath) {
    Object value = at(root, dottedPath);
    if (value instanceof Number n) {
      return n.intValue();
    }
    return Integer.parseInt(String.valueOf(value));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("not a mapping: " + value);
    }
    return (Map<String, Object>) value;
  }
}
