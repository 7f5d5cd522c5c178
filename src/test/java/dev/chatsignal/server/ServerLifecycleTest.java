package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatsignal.testing.HealthWatch;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {
  private static final List<String> SERVICES = List.of("", InteractionServiceGrpc.SERVICE_NAME,
      ScoringServiceGrpc.SERVICE_NAME, ProfileServiceGrpc.SERVICE_NAME, TopicServiceGrpc.SERVICE_NAME);

  @Test
  void health_isServingForEveryServiceOnceStarted_andNotFoundForOthers() {
    try (TestServer server = TestServer.inMemory()) {
      for (String name : SERVICES) {
        assertEquals(ServingStatus.SERVING, server.health()
            .check(HealthCheckRequest.newBuilder().setService(name).build()).getStatus(), name);
      }
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> server.health()
          .check(HealthCheckRequest.newBuilder().setService("chatsignal.v1.NoSuchService").build()));
      assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }
  }

  @Test
  void drain_turnsHealthNotServing_andRefusesNewCalls() {
    TestServer server = TestServer.inMemory();
    var healthStub = server.health();
    server.server.drain(Duration.ofSeconds(1));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> healthStub.check(HealthCheckRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    server.close();
  }

  @Test
  void drain_endsOpenHealthWatches_insteadOfWaitingForThem() throws Exception {
    TestServer server = TestServer.inMemory();
    HealthWatch watch = HealthWatch.open(server.channel);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> server.server.drain(Duration.ofSeconds(60)), "the open Watch must not hold the drain");
    assertEquals(Status.Code.UNAVAILABLE, watch.ended.get(5, java.util.concurrent.TimeUnit.SECONDS).getCode());
    assertEquals(java.util.List.of(ServingStatus.SERVING, ServingStatus.NOT_SERVING), watch.heard);
    server.close();
  }

  @Test
  void adminToken_guardsProfileService_only() {
    try (TestServer server = TestServer.with(Map.of("CHATSIGNAL_ADMIN_TOKEN", "s3cret"))) {
      GetProfileRequest request = GetProfileRequest.newBuilder().setUserId("u1").build();
      StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
          () -> server.profiles().getProfile(request));
      assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());
      StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class,
          () -> withToken(server.profiles(), "Bearer nope").getProfile(request));
      assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());
      assertEquals("u1", withToken(server.profiles(), "Bearer s3cret").getProfile(request).getUserId());
      assertEquals(469, server.topics().listTopics(dev.chatsignal.v1.ListTopicsRequest.getDefaultInstance())
          .getTopicsCount());
    }
  }

  private static ProfileServiceGrpc.ProfileServiceBlockingStub withToken(
      ProfileServiceGrpc.ProfileServiceBlockingStub stub, String value) {
    Metadata headers = new Metadata();
    headers.put(AdminTokenInterceptor.AUTHORIZATION, value);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }
}
