package dev.chatsignal.testing;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open {@code grpc.health.v1.Health/Watch} stream: a call that stays open until the server or the
 * transport ends it, which the transport and drain tests need. Records what it heard and how it ended.
 */
public final class HealthWatch implements StreamObserver<HealthCheckResponse> {
  /** Completes with the first status heard. */
  public final CompletableFuture<ServingStatus> first = new CompletableFuture<>();
  /** Completes with the status the stream ended with (OK when the server completed it). */
  public final CompletableFuture<Status> ended = new CompletableFuture<>();
  /** Every status heard, in order. */
  public final List<ServingStatus> heard = new CopyOnWriteArrayList<>();

  private HealthWatch() {}

  /** Opens a watch of the overall status ({@code ""}) on {@code channel}. */
  public static HealthWatch open(Channel channel) {
    HealthWatch watch = new HealthWatch();
    HealthGrpc.newStub(channel).watch(HealthCheckRequest.getDefaultInstance(), watch);
    return watch;
  }

  @Override
  public void onNext(HealthCheckResponse value) {
    heard.add(value.getStatus());
    first.complete(value.getStatus());
  }

  @Override
  public void onError(Throwable t) {
    first.completeExceptionally(t);
    ended.complete(Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    ended.complete(Status.OK);
  }
}
