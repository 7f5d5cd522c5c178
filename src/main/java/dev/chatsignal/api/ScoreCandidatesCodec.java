package dev.chatsignal.api;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.chatsignal.scoring.ScoreResult;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The server's ScoreCandidates method with marshallers that skip protobuf-java's generated messages: the
 * generated code's builders, lists and per-message objects were most of the CPU of a 500-candidate call
 * (docs/performance.md). Everything else is the generated method's: its name, type and schema descriptor,
 * so clients, reflection, metrics and interceptors see the same method.
 */
final class ScoreCandidatesCodec {
  private ScoreCandidatesCodec() {}

  /**
   * {@code chatsignal.v1.ScoringService/ScoreCandidates}, reading requests with {@link ScoreRequestDecoder}
   * and writing responses with {@link ScoreResponseWriter} (paths from {@code taxonomy}, {@code versions}
   * stamped on each).
   */
  static MethodDescriptor<WireScoreRequest, ScoreResult> method(Taxonomy taxonomy, Versions versions) {
    return ScoringServiceGrpc.getScoreCandidatesMethod()
        .toBuilder(new Requests(), new Responses(new ScoreResponseWriter(taxonomy, versions)))
        .build();
  }

  /**
   * Request bytes to a {@link WireScoreRequest}. Bytes that are not a valid request throw what grpc-java's
   * protobuf marshaller throws (INTERNAL, which {@link RequestParsing} turns into INVALID_ARGUMENT).
   */
  private static final class Requests implements MethodDescriptor.Marshaller<WireScoreRequest> {
    @Override
    public InputStream stream(WireScoreRequest request) {
      throw new UnsupportedOperationException("ScoreCandidates requests are only parsed here (server side)");
    }

    @Override
    public WireScoreRequest parse(InputStream stream) {
      try {
        return new ScoreRequestDecoder(CodedInputStream.newInstance(bytes(stream))).request();
      } catch (InvalidProtocolBufferException e) {
        throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e).asRuntimeException();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** All of the stream, read with one exactly sized copy when the length is known (grpc's streams). */
    private static byte[] bytes(InputStream stream) throws IOException {
      if (!(stream instanceof KnownLength)) {
        return stream.readAllBytes();
      }
      byte[] bytes = new byte[stream.available()];
      int read = stream.readNBytes(bytes, 0, bytes.length);
      if (read != bytes.length || stream.read() != -1) {
        throw new IOException("stream length " + bytes.length + " was not its known length");
      }
      return bytes;
    }
  }

  /** A result to response bytes, written when grpc drains the stream. */
  private static final class Responses implements MethodDescriptor.Marshaller<ScoreResult> {
    private final ScoreResponseWriter writer;

    Responses(ScoreResponseWriter writer) {
      this.writer = writer;
    }

    @Override
    public InputStream stream(ScoreResult result) {
      return new ScoreResponseStream(writer, result);
    }

    @Override
    public ScoreResult parse(InputStream stream) {
      throw new UnsupportedOperationException("ScoreCandidates responses are only written here (server side)");
    }
  }
}
