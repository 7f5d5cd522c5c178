package dev.chatsignal.topics;

import java.util.List;
import java.util.Set;

/**
 * Recognizes medical vocabulary by its Greek and Latin suffixes ({@code -itis}, {@code -oma},
 * {@code -emia}, {@code -osis}, {@code -pathy}, ...), so that disease names no lexicon lists
 * (e.g. "aplastic anemia", "cholangiocarcinoma") still count as health. Everyday words
 * that share a suffix ("diploma", "academia", "empathy", "nostalgia") are excluded.
 *
 * <p>Stateless and thread-safe. Input is one lowercase token.
 */
final class ClinicalSuffixes {
  private static final List<String> SUFFIXES = List.of(
      "itis", "osis", "emia", "aemia", "oma", "omas", "pathy", "plasia", "trophy", "algia",
      "ectomy", "otomy", "ostomy", "plegia", "plegic", "cemia", "uria", "penia", "sclerosis", "ataxia",
      "phrenia", "lepsy", "leptic", "cardia", "rrhea", "rrhoea", "itic", "otic", "cytosis", "opathic", "iasis",
      "phobia", "trophy", "plasty", "scopy", "ectasia", "megaly", "cele");

  /* International nonproprietary name stems of medicines (WHO INN), e.g. clindamycin, captopril. */
  private static final List<String> DRUG_STEMS = List.of(
      "mycin", "micin", "cillin", "cycline", "floxacin", "oxacin", "azole", "conazole", "pril", "sartan",
      "olol", "dipine", "statin", "vastatin", "azepam", "azolam", "barbital", "oxetine", "prazole", "tidine",
      "avir", "ovir", "parin", "dronate", "glutide", "gliptin", "gliflozin", "tinib", "ciclib", "zumab",
      "ximab", "umab", "profen", "triptan", "setron", "lukast", "glitazone", "semide", "thiazide", "caine",
      "terol", "trexate", "platin", "rubicin", "taxel", "sone", "olone", "asone", "fenac", "coxib", "tropin",
      "pramine", "triptyline", "peridol", "apine", "idone", "afil", "dazole", "vudine", "navir", "previr");

  private static final Set<String> EXCEPTIONS = Set.of(
      "diploma", "aroma", "oklahoma", "tacoma", "sonoma", "paloma", "chroma", "stroma", "academia",
      "bohemia", "empathy", "sympathy", "telepathy", "apathy", "antipathy", "trophy", "nostalgia",
      "osmosis", "symbiosis", "hypnosis", "apotheosis", "metamorphosis", "mitosis", "meiosis", "chaotic",
      "exotic", "erotic", "patriotic", "idiotic", "robotic", "quixotic", "hypnotic", "semiotic", "despotic",
      "symbiotic", "semitic", "politic", "geopolitic", "critic", "curtis", "dichotomy", "homophobia",
      "transphobia", "biphobia", "xenophobia", "islamophobia");

  private ClinicalSuffixes() {}

  /**
   * True when {@code word} (lowercase) looks like a clinical term or a medicine name; words under six
   * letters never do. A plural {@code s} is ignored ("thalassemias").
   */
  static boolean isClinical(String word) {
    if (word.length() < 6 || EXCEPTIONS.contains(word)) {
      return false;
    }
    if (word.length() >= 10 && word.endsWith("oses") && !word.endsWith("morphoses")) {
      return true; // plural of -osis: mucopolysaccharidoses, neuroses are too short to risk "purposes"
    }
    boolean plural = word.endsWith("s") && !word.endsWith("is") && !word.endsWith("us") && !word.endsWith("ss");
    String singular = plural ? word.substring(0, word.length() - 1) : word;
    return endsWithStem(singular, SUFFIXES, 3) || endsWithStem(singular, DRUG_STEMS, 3);
  }

  private static boolean endsWithStem(String word, List<String> stems, int minPrefix) {
    for (String stem : stems) {
      if (word.endsWith(stem) && word.length() >= stem.length() + minPrefix && !EXCEPTIONS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
