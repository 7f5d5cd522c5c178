package dev.chatsignal.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Not a parser, but enough for the expressions in
 * deploy/: label matchers, range and subquery brackets, grouping clauses and string literals are
 * removed first; what is left that is an identifier and not a function call, keyword or Grafana
 * variable is a metric name.
 */
final class PromQlMetricNames {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2");

  private PromQlMetricNames() {}

  static Set<String> of(String expr) {
    String rest = STRING.matcher(expr).replaceAll("\"\"");
    rest = MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = rest.replaceAll("\\$\\{?\\w+}?", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      boolean call = m.group(2) != null;
      String name = m.group(1);
      if (!call && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.matches("\\d.*")) {
        names.add(name);
      }
    }
    return names;
  }
}
