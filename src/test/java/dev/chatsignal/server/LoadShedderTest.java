package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ListTopicsResponse;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load shedder on a real in-process server: a service that holds its calls until released fills
 * the concurrency limit, and the next call is rejected at once.
 */
class LoadShedderTest {
  private static final String METHOD = "chatsignal.v1.TopicService/ListTopics";
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private Server server;
  private ManagedChannel channel;

  /** Holds each ListTopics call until the test releases it. */
  private final class HeldTopics extends TopicServiceGrpc.TopicServiceImplBase {
    @Override
    public void listTopics(ListTopicsRequest request, StreamObserver<ListTopicsResponse> out) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.onNext(ListTopicsResponse.getDefaultInstance());
      out.onCompleted();
    }
  }

  private void start(int limit) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).executor(pool)
        .addService(ServerInterceptors.intercept(new HeldTopics(),
            new LoadShedder(limit, registry, List.of(METHOD))))
        .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(),
            new LoadShedder(limit, registry, List.of())))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
  }

  /**
   * On Netty with the shedder as the call-executor supplier, a rejection is decided and sent on the
   * transport thread: it comes back while the only application thread is still held by the admitted
   * call, so it cannot have waited in the application executor's queue.
   */
  @Test
  void onNetty_rejectionsDoNotQueueBehindTheApplicationExecutor() throws Exception {
    ExecutorService application = Executors.newSingleThreadExecutor();
    LoadShedder shedder = new LoadShedder(1, registry, List.of(METHOD), application);
    Server netty = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
        .directExecutor().callExecutor(shedder)
        .addService(ServerInterceptors.intercept(new HeldTopics(), shedder))
        .build().start();
    ManagedChannel tcp = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", netty.getPort()).usePlaintext().build();
    try {
      Future<ListTopicsResponse> held = Executors.newSingleThreadExecutor().submit(
          () -> TopicServiceGrpc.newBlockingStub(tcp).listTopics(ListTopicsRequest.getDefaultInstance()));
      assertTrue(entered.await(10, TimeUnit.SECONDS), "the admitted call holds the only application thread");
      for (int i = 0; i < 20; i++) {
        StatusRuntimeException shed = assertThrows(StatusRuntimeException.class, () -> TopicServiceGrpc
            .newBlockingStub(tcp).withDeadlineAfter(5, TimeUnit.SECONDS).listTopics(ListTopicsRequest.getDefaultInstance()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, shed.getStatus().getCode(), "rejected while the pool is busy");
      }
      assertEquals(20.0, registry.get("chatsignal.calls.shed").tag("method", METHOD).counter().count());
      assertEquals(0.0, registry.get("chatsignal.calls.admission.pending").gauge().value(), "no decision left behind");
      release.countDown();
      held.get(10, TimeUnit.SECONDS);
      TopicServiceGrpc.newBlockingStub(tcp).listTopics(ListTopicsRequest.getDefaultInstance());
    } finally {
      tcp.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      netty.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      application.shutdownNow();
    }
  }

  /**
   * A client that opens a call and cancels it before sending its request never reaches the handler,
   * which therefore never closes the call: the permit must come back on the cancellation.
   */
  @Test
  void aCallCancelledBeforeItsRequest_returnsItsPermit() throws Exception {
    start(1);
    io.grpc.ClientCall<ListTopicsRequest, ListTopicsResponse> abandoned = channel.newCall(
        TopicServiceGrpc.getListTopicsMethod(), io.grpc.CallOptions.DEFAULT);
    CountDownLatch closed = new CountDownLatch(1);
    abandoned.start(new io.grpc.ClientCall.Listener<>() {
      @Override
      public void onClose(Status status, io.grpc.Metadata trailers) {
        closed.countDown();
      }
    }, new io.grpc.Metadata());
    abandoned.request(1);
    abandoned.cancel("client went away", null);
    assertTrue(closed.await(10, TimeUnit.SECONDS));
    // With a limit of 1, a leaked permit would shed this call; instead it is admitted and held.
    Future<ListTopicsResponse> next = Executors.newSingleThreadExecutor().submit(
        () -> TopicServiceGrpc.newBlockingStub(channel).listTopics(ListTopicsRequest.getDefaultInstance()));
    assertTrue(entered.await(10, TimeUnit.SECONDS), "admitted: the cancelled call's permit came back");
    release.countDown();
    next.get(10, TimeUnit.SECONDS);
    assertEquals(0.0, registry.get("chatsignal.calls.shed").tag("method", METHOD).counter().count());
  }

  @Test
  void callsOverTheLimit_areShedFastAndCounted_healthIsNot() throws Exception {
    start(1);
    Future<ListTopicsResponse> held = Executors.newSingleThreadExecutor().submit(
        () -> TopicServiceGrpc.newBlockingStub(channel).listTopics(ListTopicsRequest.getDefaultInstance()));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();
    StatusRuntimeException shed = assertThrows(StatusRuntimeException.class,
        () -> TopicServiceGrpc.newBlockingStub(channel).listTopics(ListTopicsRequest.getDefaultInstance()));
    long rejectNanos = System.nanoTime() - start;
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, shed.getStatus().getCode());
    assertEquals(1.0, registry.get("chatsignal.calls.shed").tag("method", METHOD).counter().count());
    assertTrue(rejectNanos < TimeUnit.SECONDS.toNanos(1), "rejected without waiting for capacity");
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    release.countDown();
    held.get(10, TimeUnit.SECONDS);
    TopicServiceGrpc.newBlockingStub(channel).listTopics(ListTopicsRequest.getDefaultInstance());
    assertEquals(1.0, registry.get("chatsignal.calls.shed").tag("method", METHOD).counter().count(),
        "capacity came back once the held call finished");
  }
}
