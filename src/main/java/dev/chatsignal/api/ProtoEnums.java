package dev.chatsignal.api;

import dev.chatsignal.policy.AgeBand;
import dev.chatsignal.policy.ItemKind;
import dev.chatsignal.policy.Reason;
import dev.chatsignal.policy.Surface;
import dev.chatsignal.store.SignalSource;
import dev.chatsignal.topics.SensitiveCategory;

/**
 * Maps between proto enums and domain enums; unknown or unspecified inputs are INVALID_ARGUMENT. Inputs
 * come as wire numbers, resolved as a generated getter does: a number the schema does not know is
 * UNRECOGNIZED.
 */
final class ProtoEnums {
  private ProtoEnums() {}

  static ItemKind itemKind(String field, int number) {
    var kind = dev.chatsignal.v1.ItemKind.forNumber(number);
    switch (kind == null ? dev.chatsignal.v1.ItemKind.UNRECOGNIZED : kind) {
      case ITEM_KIND_REEL: return ItemKind.REEL;
      case ITEM_KIND_GROUP: return ItemKind.GROUP;
      case ITEM_KIND_POST: return ItemKind.POST;
      case ITEM_KIND_AD: return ItemKind.AD;
      case ITEM_KIND_UNSPECIFIED:
        throw InvalidArgument.of(field, kind.name(), "one of ITEM_KIND_REEL, _GROUP, _POST, _AD");
      default:
        throw InvalidArgument.of(field, number, "a known ItemKind");
    }
  }

  static Surface surface(String field, int number) {
    var surface = dev.chatsignal.v1.Surface.forNumber(number);
    switch (surface == null ? dev.chatsignal.v1.Surface.UNRECOGNIZED : surface) {
      case SURFACE_FEED: return Surface.FEED;
      case SURFACE_REELS: return Surface.REELS;
      case SURFACE_GROUPS: return Surface.GROUPS;
      case SURFACE_ADS: return Surface.ADS;
      case SURFACE_UNSPECIFIED:
        throw InvalidArgument.of(field, surface.name(), "one of SURFACE_FEED, _REELS, _GROUPS, _ADS");
      default:
        throw InvalidArgument.of(field, number, "a known Surface");
    }
  }

  static AgeBand ageBand(String field, int number) {
    var band = dev.chatsignal.v1.AgeBand.forNumber(number);
    switch (band == null ? dev.chatsignal.v1.AgeBand.UNRECOGNIZED : band) {
      case AGE_BAND_UNSPECIFIED: return AgeBand.UNSPECIFIED;
      case AGE_BAND_MINOR: return AgeBand.MINOR;
      case AGE_BAND_ADULT: return AgeBand.ADULT;
      default: throw InvalidArgument.of(field, number, "a known AgeBand");
    }
  }

  // Domain -> proto by ordinal, resolved once by name: every response maps one value per item.
  private static final dev.chatsignal.v1.Reason[] REASONS = mapped(Reason.values(), "REASON_",
      dev.chatsignal.v1.Reason::valueOf, dev.chatsignal.v1.Reason[]::new);
  private static final dev.chatsignal.v1.SignalSource[] SOURCES = mapped(SignalSource.values(), "SIGNAL_SOURCE_",
      dev.chatsignal.v1.SignalSource::valueOf, dev.chatsignal.v1.SignalSource[]::new);
  private static final dev.chatsignal.v1.SensitiveCategory[] CATEGORIES = mapped(SensitiveCategory.values(),
      "SENSITIVE_CATEGORY_", dev.chatsignal.v1.SensitiveCategory::valueOf,
      dev.chatsignal.v1.SensitiveCategory[]::new);
  private static final dev.chatsignal.v1.Outcome[] OUTCOMES = mapped(dev.chatsignal.ingest.IngestOutcome.values(),
      "OUTCOME_", dev.chatsignal.v1.Outcome::valueOf, dev.chatsignal.v1.Outcome[]::new);

  private static <D extends Enum<D>, P> P[] mapped(D[] domain, String prefix,
      java.util.function.Function<String, P> byName, java.util.function.IntFunction<P[]> array) {
    P[] out = array.apply(domain.length);
    for (D value : domain) {
      out[value.ordinal()] = byName.apply(prefix + value.name());
    }
    return out;
  }

  static dev.chatsignal.v1.Reason reason(Reason reason) {
    return REASONS[reason.ordinal()];
  }

  static dev.chatsignal.v1.SignalSource source(SignalSource source) {
    return source == null ? dev.chatsignal.v1.SignalSource.SIGNAL_SOURCE_UNSPECIFIED : SOURCES[source.ordinal()];
  }

  static dev.chatsignal.v1.SensitiveCategory category(SensitiveCategory category) {
    return CATEGORIES[category.ordinal()];
  }

  static dev.chatsignal.v1.Outcome outcome(dev.chatsignal.ingest.IngestOutcome outcome) {
    return OUTCOMES[outcome.ordinal()];
  }
}
