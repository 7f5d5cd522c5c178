package dev.chatsignal.server;

import static dev.chatsignal.testing.Protos.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.testing.HealthWatch;
import dev.chatsignal.v1.ItemKind;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ScoreCandidatesRequest;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.Surface;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport limits, each on the real Netty server with the setting turned down to test size. */
class NettyLimitsTest {
  private ChatSignalServer server;
  private ManagedChannel channel;

  private void start(Map<String, String> settings) throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("CHATSIGNAL_STORE", "memory");
    env.put("CHATSIGNAL_GRPC_PORT", "0");
    ServerConfig config = ServerConfig.from(env, new String[0]);
    server = Main.compose(config, Main.netty(config), null, Clock.systemUTC(), Ticker.systemTicker()).start();
  }

  private ManagedChannel channel(NettyChannelBuilder builder) {
    channel = builder.usePlaintext().build();
    return channel;
  }

  private NettyChannelBuilder client() {
    return NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).maxInboundMessageSize(64 << 20);
  }

  @AfterEach
  void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    server.close();
  }

  @Test
  void requestOverTheMessageLimit_isResourceExhausted() throws Exception {
    start(Map.of());
    ScoreCandidatesRequest.Builder big = ScoreCandidatesRequest.newBuilder().setUserId("u").setCountry("US")
        .setSurface(Surface.SURFACE_FEED);
    String padding = "x".repeat(1000);
    for (int i = 0; i < 2100; i++) {
      big.addCandidates(candidate("item-" + i + padding, ItemKind.ITEM_KIND_POST, 0));
    }
    assertTrue(big.build().getSerializedSize() > 2 << 20);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ScoringServiceGrpc.newBlockingStub(channel(client())).scoreCandidates(big.build()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
  }

  @Test
  void twentyThousandSmallCandidates_areRejectedNamingTheLimit() throws Exception {
    start(Map.of("CHATSIGNAL_MAX_MESSAGE_BYTES", Integer.toString(8 << 20)));
    ScoreCandidatesRequest.Builder many = ScoreCandidatesRequest.newBuilder().setUserId("u").setCountry("US")
        .setSurface(Surface.SURFACE_FEED);
    for (int i = 0; i < 20_000; i++) {
      many.addCandidates(candidate("i" + i, ItemKind.ITEM_KIND_POST, 0));
    }
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ScoringServiceGrpc.newBlockingStub(channel(client())).scoreCandidates(many.build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("candidates: 20000 items (expected: 1..2000)", e.getStatus().getDescription());
  }

  @Test
  void callsPerConnection_areLimited() throws Exception {
    start(Map.of("CHATSIGNAL_MAX_CALLS_PER_CONNECTION", "1"));
    ManagedChannel c = channel(client());
    var watch = io.grpc.Context.current().withCancellation();
    HealthWatch open = watch.call(() -> HealthWatch.open(c));
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, open.first.get(10, TimeUnit.SECONDS));
    StatusRuntimeException waited = assertThrows(StatusRuntimeException.class, () -> TopicServiceGrpc
        .newBlockingStub(c).withDeadlineAfter(500, TimeUnit.MILLISECONDS).listTopics(ListTopicsRequest.getDefaultInstance()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, waited.getStatus().getCode(), "the second stream had to wait");
    ManagedChannel other = client().usePlaintext().build();
    try {
      assertEquals(469, TopicServiceGrpc.newBlockingStub(other).withDeadlineAfter(10, TimeUnit.SECONDS)
          .listTopics(ListTopicsRequest.getDefaultInstance()).getTopicsCount(), "the limit is per connection");
    } finally {
      watch.cancel(null);
      other.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void connectionsOlderThanTheMaximumAge_areClosed() throws Exception {
    start(Map.of("CHATSIGNAL_MAX_CONNECTION_AGE_SECONDS", "1", "CHATSIGNAL_MAX_CONNECTION_AGE_GRACE_SECONDS", "1"));
    HealthWatch watch = HealthWatch.open(channel(client()));
    watch.first.get(10, TimeUnit.SECONDS);
    Status status = watch.ended.get(20, TimeUnit.SECONDS);
    assertEquals(Status.Code.UNAVAILABLE, status.getCode(), "the aged connection was closed under the stream");
  }

  @Test
  void clientsPingingTooOften_areToldTooManyPings() throws Exception {
    start(Map.of("CHATSIGNAL_PERMIT_KEEPALIVE_SECONDS", "60"));
    ManagedChannel c = channel(client().keepAliveTime(1, TimeUnit.SECONDS).keepAliveWithoutCalls(true));
    HealthWatch watch = HealthWatch.open(c);
    watch.first.get(10, TimeUnit.SECONDS);
    // grpc-java clients ping at most every 10 s, so the server's GOAWAY comes after about 20 s
    Status status = watch.ended.get(45, TimeUnit.SECONDS);
    assertTrue(status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.RESOURCE_EXHAUSTED,
        status.toString());
    assertTrue(String.valueOf(status.getDescription()).contains("too_many_pings")
        || String.valueOf(status.getCause()).contains("too_many_pings"), status.toString());
  }

  @Test
  void rapidResetFlood_getsTheConnectionClosed() throws Exception {
    start(Map.of("CHATSIGNAL_MAX_RST_PER_WINDOW", "20"));
    ManagedChannel c = channel(client());
    HealthWatch.open(c).first.get(10, TimeUnit.SECONDS);
    HealthWatch victim = HealthWatch.open(c);
    for (int i = 0; i < 200 && !victim.ended.isDone(); i++) {
      var call = io.grpc.Context.current().withCancellation();
      call.run(() -> HealthWatch.open(c));
      call.cancel(null); // each cancel is one RST_STREAM from the client
    }
    Status status = victim.ended.get(20, TimeUnit.SECONDS);
    // GOAWAY ENHANCE_YOUR_CALM (too_many_rststreams) reaches the stream as RESOURCE_EXHAUSTED, or as
    // UNAVAILABLE when the connection's close is seen first
    assertTrue(status.getCode() == Status.Code.RESOURCE_EXHAUSTED || status.getCode() == Status.Code.UNAVAILABLE,
        "the flooding connection was closed: " + status);
    assertTrue(c.getState(false) != ConnectivityState.SHUTDOWN);
  }
}
