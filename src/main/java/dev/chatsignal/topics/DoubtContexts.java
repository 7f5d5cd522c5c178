package dev.chatsignal.topics;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Contexts that put a sensitive category's keywords in doubt ({@code sensitive_doubt_v1.tsv}): a
 * film, a game, a pet, a recipe, a piece of software. "Faith in Buffy", "the priest class in WoW", "our
 * dog's surgery", "canvas fingerprinting" use the category's words without disclosing anything; but
 * "the movie that helped me come out" does. So a doubt does not cancel a keyword as an "unless"
 * context does: the hybrid classifier then reports the category only when the sentence embedding
 * also finds it ({@link HybridClassifier#DOUBT_SUPPORT}). The lexicon alone, having no embedding to
 * ask, keeps the category (fail closed).
 *
 * <p>File format, tab-separated: {@code category  contexts (;-separated, PhraseIndex syntax)}; the
 * kind of context (media, games, pets...) is a comment. Immutable and thread-safe.
 */
final class DoubtContexts {
  static final String DEFAULT_RESOURCE = "/topics/sensitive_doubt_v1.tsv";

  private final PhraseIndex<SensitiveCategory> contexts;

  private DoubtContexts(PhraseIndex<SensitiveCategory> contexts) {
    this.contexts = contexts;
  }

  static DoubtContexts load(String resource) {
    return compile(LexiconFile.read(resource));
  }

  static DoubtContexts compile(List<LexiconFile.Line> lines) {
    PhraseIndex.Builder<SensitiveCategory> builder = PhraseIndex.builder();
    for (LexiconFile.Line line : lines) {
      SensitiveCategory category = SensitiveLexicon.parseCategory(line);
      List<String> phrases = SensitiveLexicon.splitList(line.field(1));
      if (phrases.isEmpty()) {
        throw line.error("no contexts");
      }
      for (String phrase : phrases) {
        builder.add(phrase, category);
      }
    }
    return new DoubtContexts(builder.build());
  }

  /** The categories whose keywords {@code tokens} put in doubt; empty when none. */
  Set<SensitiveCategory> doubted(TextNormalizer.Tokens tokens) {
    EnumSet<SensitiveCategory> found = EnumSet.noneOf(SensitiveCategory.class);
    contexts.match(tokens, (category, start, length) -> found.add(category));
    return found;
  }
}
