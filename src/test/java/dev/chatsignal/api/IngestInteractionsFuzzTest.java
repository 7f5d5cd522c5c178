package dev.chatsignal.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.chatsignal.testing.FuzzOracle;
import dev.chatsignal.testing.FuzzWorld;
import dev.chatsignal.v1.IngestInteractionsRequest;
import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.Interaction;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes that parse as an {@code IngestInteractionsRequest}, sent through the production wiring: the
 * call ends OK, INVALID_ARGUMENT or RESOURCE_EXHAUSTED (never INTERNAL or UNKNOWN); an OK response has
 * one result per interaction, in order, and never stores a chat from an excluded or unknown region or
 * from before 2025-12-16 ({@link FuzzOracle#checkIngest}).
 *
 * <p>Every stored interaction stays in the in-memory store, so the world is rebuilt every
 * {@value #REBUILD_EVERY} calls to keep a 10 M-execution run in bounded memory.
 */
class IngestInteractionsFuzzTest {
  private static final int REBUILD_EVERY = 200_000;
  private static FuzzWorld world;
  private static FuzzOracle oracle;
  private static int calls;

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
  void ingestInteractions_anyRequest_isOkOrInvalidArgumentAndOneResultEach(byte[] bytes) {
    IngestInteractionsRequest request;
    try {
      request = IngestInteractionsRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return;
    }
    if (++calls % REBUILD_EVERY == 0) {
      close();
      seed();
    }
    IngestInteractionsResponse response;
    try {
      response = world.server.interactions().ingestInteractions(request);
    } catch (StatusRuntimeException e) {
      FuzzOracle.checkError(e, texts(request), request);
      return;
    }
    oracle.checkIngest(request, response);
  }

  private static List<String> texts(IngestInteractionsRequest request) {
    List<String> texts = new ArrayList<>();
    for (Interaction i : request.getInteractionsList()) {
      texts.add(i.hasChat() ? i.getChat().getText() : i.getEngagement().getText());
    }
    return texts;
  }
}
