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
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    pool.shutdownNow();
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
