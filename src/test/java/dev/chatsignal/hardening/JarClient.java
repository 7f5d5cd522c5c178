package dev.chatsignal.hardening;

import dev.chatsignal.testing.JarProcess;
import dev.chatsignal.v1.InteractionServiceGrpc;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.ScoringServiceGrpc;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * A plaintext gRPC channel to a {@link JarProcess} on 127.0.0.1, with its stubs and its HTTP endpoint.
 * Close it before the process is stopped or after; closing is idempotent.
 */
final class JarClient implements AutoCloseable {
  final ManagedChannel channel;
  private final JarProcess jar;

  JarClient(JarProcess jar) {
    this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", jar.grpcPort).usePlaintext().build();
    this.jar = jar;
  }

  InteractionServiceGrpc.InteractionServiceBlockingStub interactions() {
    return InteractionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  ScoringServiceGrpc.ScoringServiceBlockingStub scoring() {
    return ScoringServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  ProfileServiceGrpc.ProfileServiceBlockingStub profiles() {
    return ProfileServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  TopicServiceGrpc.TopicServiceBlockingStub topics() {
    return TopicServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  HealthGrpc.HealthStub healthAsync() {
    return HealthGrpc.newStub(channel);
  }

  /** GET on the server's HTTP endpoint: status code and body. */
  HttpResponse<String> http(String path) throws IOException, InterruptedException {
    return jar.http(path);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
