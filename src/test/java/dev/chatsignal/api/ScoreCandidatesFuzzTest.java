package dev.chatsignal.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.chatsignal.testing.FuzzOracle;
import dev.chatsignal.testing.FuzzWorld;
import dev.chatsignal.v1.Candidate;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes that parse as a {@code ScoreCandidatesRequest}, sent through the production wiring to users
 * with real profiles: the call ends OK, INVALID_ARGUMENT or RESOURCE_EXHAUSTED (never INTERNAL or
 * UNKNOWN), and an OK response is a well-formed ranking that keeps the privacy rules ({@link FuzzOracle}).
 *
 * <p>Seeds: {@code src/test/resources/dev/chatsignal/api/ScoreCandidatesFuzzTestInputs/}; {@code make fuzz}
 * explores from them (docs/fuzzing.md).
 */
class ScoreCandidatesFuzzTest {
  private static FuzzWorld world;
  private static FuzzOracle oracle;

  @BeforeAll
  static void seed() {
    world = FuzzWorld.seeded();
    oracle = new FuzzOracle(world);
  }

  @AfterAll
  static void close() {
    world.close();
  }

  @FuzzTest(maxDuration = "90m", maxExecutions = 10_000_000)
  void scoreCandidates_anyRequest_isOkOrInvalidArgumentAndWellFormed(byte[] bytes) {
    ScoreCandidatesRequest request;
    try {
      request = ScoreCandidatesRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return;
    }
    ScoreCandidatesResponse response;
    try {
      response = world.server.scoring().scoreCandidates(request);
    } catch (StatusRuntimeException e) {
      FuzzOracle.checkError(e, texts(request), request);
      return;
    }
    oracle.checkScore(request, response);
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
