package dev.chatsignal.testing;

import dev.chatsignal.v1.IngestInteractionsResponse;
import dev.chatsignal.v1.InteractionServiceGrpc;
import io.grpc.Channel;

/** IngestInteractions with a request given as raw bytes, to send what a proto builder would refuse. */
public final class RawIngest {
  private RawIngest() {}

  public static IngestInteractionsResponse send(Channel channel, byte[] request) {
    return RawCall.send(channel, InteractionServiceGrpc.getIngestInteractionsMethod(), request);
  }
}
