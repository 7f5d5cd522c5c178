package dev.chatsignal.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.chatsignal.testing.FuzzOracle;
import dev.chatsignal.testing.FuzzWorld;
import dev.chatsignal.testing.RawCall;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes, sent as they are through the production wiring to users with real profiles. The codec and
 * the generated parser with the mapping before it ({@link ScoreRequestPaths}) must decode them alike;
 * bytes that do not parse are INVALID_ARGUMENT naming the request type; a request that breaks a rule is
 * INVALID_ARGUMENT with the description the decoding gave (or RESOURCE_EXHAUSTED), never INTERNAL or
 * UNKNOWN; an OK response is a well-formed ranking that keeps the privacy rules ({@link FuzzOracle}).
 *
 * <p>Seeds: {@code src/test/resources/dev/chatsignal/api/ScoreCandidatesFuzzTestInputs/}; {@code make fuzz}
 * explores from them (docs/fuzzing.md).
 */
class ScoreCandidatesFuzzTest {
  private static final String UNPARSEABLE = "request: bytes that are not a valid chatsignal.v1.ScoreCandidatesRequest"
      + " (expected: protobuf wire format with UTF-8 strings)";

  private static FuzzWorld world;
  private static FuzzOracle oracle;
  private static ScoreRequestPaths paths;

  @BeforeAll
  static void seed() {
    world = FuzzWorld.seeded();
    oracle = new FuzzOracle(world);
    paths = new ScoreRequestPaths(Taxonomy.loadDefault(), RequestLimits.defaults()); // the server's limits
  }

  @AfterAll
  static void close() {
    world.close();
  }

  @FuzzTest(maxDuration = "90m", maxExecutions = 10_000_000)
  void scoreCandidates_anyRequest_isOkOrInvalidArgumentAndWellFormed(byte[] bytes) {
    RequestOutcome decoded = paths.codec(bytes, true);
    RequestOutcome expected = paths.generated(bytes);
    if (!decoded.equals(expected)) {
      throw new AssertionError("codec: " + decoded + "\ngenerated: " + expected + "\nbytes: "
          + HexFormat.of().formatHex(bytes));
    }
    ScoreCandidatesResponse response;
    try {
      response = RawCall.send(world.server.channel, ScoringServiceGrpc.getScoreCandidatesMethod(), bytes);
    } catch (StatusRuntimeException e) {
      checkError(e, decoded, bytes);
      return;
    }
    if (decoded.unparseable()) {
      throw new AssertionError("unparseable bytes answered OK: " + HexFormat.of().formatHex(bytes));
    }
    oracle.checkScore(parsed(bytes), response);
  }

  private static void checkError(StatusRuntimeException e, RequestOutcome decoded, byte[] bytes) {
    Status status = e.getStatus();
    if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
      return; // shed before the request was read
    }
    if (decoded.unparseable()) {
      if (status.getCode() != Status.Code.INVALID_ARGUMENT || !UNPARSEABLE.equals(status.getDescription())) {
        throw new AssertionError("unparseable bytes answered " + status + ": " + HexFormat.of().formatHex(bytes));
      }
      return;
    }
    ScoreCandidatesRequest request = parsed(bytes);
    FuzzOracle.checkError(e, texts(request), request);
    if (!Objects.equals(status.getDescription(), decoded.invalidArgument())) {
      throw new AssertionError("answered " + status + " but the request decodes to " + decoded
          + "\nrequest: " + request);
    }
  }

  private static ScoreCandidatesRequest parsed(byte[] bytes) {
    try {
      return ScoreCandidatesRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("parsed before, not now", e);
    }
  }

  private static List<String> texts(ScoreCandidatesRequest request) {
    List<String> texts = new ArrayList<>();
    texts.add(request.getContext().getText());
    for (Candidate c : request.getCandidatesList()) {
      texts.add(c.getText());
    }
    return texts;
  }
}
