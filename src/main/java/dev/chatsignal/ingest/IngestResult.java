package dev.chatsignal.ingest;

/**
 * The outcome of one interaction, with a detail for rejections and withholdings that never contains
 * chat text.
 */
public record IngestResult(IngestOutcome outcome, String detail) {
  public static final IngestResult STORED = new IngestResult(IngestOutcome.STORED, "");
  public static final IngestResult DUPLICATE = new IngestResult(IngestOutcome.DUPLICATE, "");

  public static IngestResult rejected(String detail) {
    return new IngestResult(IngestOutcome.REJECTED, detail);
  }
}
