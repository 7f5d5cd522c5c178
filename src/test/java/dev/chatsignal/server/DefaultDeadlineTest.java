package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ListTopicsResponse;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DefaultDeadlineTest {
  private final AtomicReference<Deadline> seen = new AtomicReference<>();

  private final class Recording extends TopicServiceGrpc.TopicServiceImplBase {
    @Override
    public void listTopics(ListTopicsRequest request, StreamObserver<ListTopicsResponse> out) {
      seen.set(Context.current().getDeadline());
      out.onNext(ListTopicsResponse.getDefaultInstance());
      out.onCompleted();
    }
  }

  private Deadline deadlineSeenFor(TopicServiceGrpc.TopicServiceBlockingStub stub) {
    stub.listTopics(ListTopicsRequest.getDefaultInstance());
    return seen.get();
  }

  @Test
  void callsWithoutOrWithLongDeadlines_getTheMaximum_shorterOnesKeepTheirs() throws Exception {
    String name = InProcessServerBuilder.generateName();
    try (DefaultDeadline deadlines = new DefaultDeadline(Duration.ofSeconds(2))) {
      Server server = InProcessServerBuilder.forName(name).directExecutor()
          .addService(ServerInterceptors.intercept(new Recording(), deadlines)).build().start();
      ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
      try {
        var stub = TopicServiceGrpc.newBlockingStub(channel);
        Deadline none = deadlineSeenFor(stub);
        assertNotNull(none);
        assertTrue(none.timeRemaining(TimeUnit.MILLISECONDS) <= 2000);
        Deadline longer = deadlineSeenFor(stub.withDeadlineAfter(1, TimeUnit.HOURS));
        assertTrue(longer.timeRemaining(TimeUnit.MILLISECONDS) <= 2000);
        Deadline shorter = deadlineSeenFor(stub.withDeadlineAfter(500, TimeUnit.MILLISECONDS));
        assertTrue(shorter.timeRemaining(TimeUnit.MILLISECONDS) <= 500);
        assertEquals(true, shorter.timeRemaining(TimeUnit.MILLISECONDS) > 0);
      } finally {
        channel.shutdownNow();
        server.shutdownNow();
      }
    }
  }
}
