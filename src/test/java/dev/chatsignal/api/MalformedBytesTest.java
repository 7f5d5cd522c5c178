package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.RawCall;
import dev.chatsignal.testing.RawIngest;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.testing.WireBytes;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes that do not parse as the request (bad UTF-8 in a string, garbage) are INVALID_ARGUMENT, for the
 * generated marshallers and for the ScoreCandidates codec alike.
 */
class MalformedBytesTest {
  private static Status send(TestServer server, byte[] request) {
    return assertThrows(StatusRuntimeException.class, () -> RawIngest.send(server.channel, request)).getStatus();
  }

  @Test
  void invalidUtf8AndGarbage_areInvalidArgument() {
    try (TestServer server = TestServer.inMemory()) {
      // field 1 (interactions), length 4: field 1 (interaction_id) of 2 bytes that are not UTF-8
      byte[] badUtf8 = {0x0a, 0x04, 0x0a, 0x02, (byte) 0xc3, (byte) 0x28};
      Status utf8 = send(server, badUtf8);
      assertEquals(Status.Code.INVALID_ARGUMENT, utf8.getCode(), utf8.toString());
      assertEquals("request: bytes that are not a valid chatsignal.v1.IngestInteractionsRequest"
          + " (expected: protobuf wire format with UTF-8 strings)", utf8.getDescription());
      Status garbage = send(server, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
      assertEquals(Status.Code.INVALID_ARGUMENT, garbage.getCode(), garbage.toString());
    }
  }

  @Test
  void unknownFields_areIgnored_evenWithTheHighestFieldNumber() {
    try (TestServer server = TestServer.inMemory()) {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(Protos.batch(Protos.chat("c1", "u1", "US", TestServer.NOW, Protos.HIKING_CHAT)).toByteArray());
      // field 536870911 (the highest protobuf allows) as a varint 1: an unknown field like any other
      request.writeBytes(new byte[] {(byte) 0xf8, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x01});
      assertEquals(1, RawIngest.send(server.channel, request.toByteArray()).getAccepted());
    }
  }

  @Test
  void scoreCandidates_invalidUtf8OrTruncatedBytes_areInvalidArgument_seenByTheMetrics() {
    try (TestServer server = TestServer.inMemory()) {
      byte[] valid = Protos.threeAds("u1", "US").build().toByteArray();
      // field 5 (candidates), length 4: field 1 (item_id) of 2 bytes that are not UTF-8
      byte[] badUtf8 = WireBytes.concat(valid, new byte[] {0x2a, 0x04, 0x0a, 0x02, (byte) 0xc3, 0x28});
      byte[] truncated = Arrays.copyOf(valid, valid.length - 3);
      for (byte[] bad : List.of(badUtf8, truncated)) {
        Status status = assertThrows(StatusRuntimeException.class,
            () -> RawCall.send(server.channel, ScoringServiceGrpc.getScoreCandidatesMethod(), bad)).getStatus();
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode(), status.toString());
        assertEquals("request: bytes that are not a valid chatsignal.v1.ScoreCandidatesRequest"
            + " (expected: protobuf wire format with UTF-8 strings)", status.getDescription());
      }
      var ok = RawCall.send(server.channel, ScoringServiceGrpc.getScoreCandidatesMethod(), valid);
      assertEquals(3, ok.getItemsCount());
      var rejected = server.server.registry().find("grpc.server.processing.duration")
          .tags("method", "ScoreCandidates", "status_code", "INVALID_ARGUMENT").timer();
      assertEquals(2, rejected == null ? 0 : rejected.count());
    }
  }
}
