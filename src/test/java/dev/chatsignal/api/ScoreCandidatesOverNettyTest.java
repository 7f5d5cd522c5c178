package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.server.ChatSignalServer;
import dev.chatsignal.server.Main;
import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.RawCall;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.testing.WireBytes;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoreCandidatesResponse;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.Surface;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The codec on the real transport: Netty hands the decoder a known-length stream (or, for a compressed
 * request, one of unknown length) and drains the response stream into its buffers over many flushes.
 */
class ScoreCandidatesOverNettyTest {
  private final ChatSignalServer netty;
  private final ManagedChannel channel;

  ScoreCandidatesOverNettyTest() throws IOException {
    netty = Main.compose(Map.of("CHATSIGNAL_STORE", "memory", "CHATSIGNAL_CLASSIFIER", "lexicon"),
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), null, Clock.systemUTC(),
        Ticker.systemTicker()).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", netty.grpcPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    netty.close();
  }

  private ScoringServiceGrpc.ScoringServiceBlockingStub scoring() {
    return ScoringServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Test
  void explained500Candidates_sameResponseOverNetty_plainOrCompressed_asInProcess() {
    ScoreCandidatesRequest.Builder request = ScoreCandidatesRequest.newBuilder().setUserId("nobody").setCountry("US")
        .setSurface(Surface.SURFACE_FEED).setExplain(true);
    for (int i = 0; i < 500; i++) {
      double prior = (i * 37 % 101) / 100.0;
      request.addCandidates(Protos.candidate("item-" + i + "-bötas-🥾", ItemKind.ITEM_KIND_POST, prior, Protos.BOOTS,
          Protos.HIKING));
    }
    ScoreCandidatesResponse inProcess;
    try (TestServer server = TestServer.inMemory()) {
      inProcess = server.scoring().scoreCandidates(request.build());
    }
    assertEquals(500, inProcess.getItemsCount());
    assertTrue(inProcess.getSerializedSize() > 8 * 4096, inProcess.getSerializedSize() + " bytes");
    assertEquals(inProcess, scoring().scoreCandidates(request.build()));
    assertEquals(inProcess, scoring().withCompression("gzip").scoreCandidates(request.build()));
  }

  @Test
  void badBytesOverNetty_areInvalidArgument() {
    byte[] bad = WireBytes.concat(Protos.threeAds("u1", "US").build().toByteArray(),
        new byte[] {0x2a, 0x04, 0x0a, 0x02, (byte) 0xc3, 0x28});
    Status status = assertThrows(StatusRuntimeException.class,
        () -> RawCall.send(channel, ScoringServiceGrpc.getScoreCandidatesMethod(), bad)).getStatus();
    assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
    assertEquals("request: bytes that are not a valid chatsignal.v1.ScoreCandidatesRequest"
        + " (expected: protobuf wire format with UTF-8 strings)", status.getDescription());
  }
}
