package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.v1.ScoringServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Clients and server reflection see the generated ScoreCandidates method, whatever marshals it. */
class ScoreCandidatesMethodTest {
  @Test
  void codecMethod_isTheGeneratedMethodButForItsMarshallers() {
    MethodDescriptor<?, ?> generated = ScoringServiceGrpc.getScoreCandidatesMethod();
    MethodDescriptor<?, ?> codec = ScoreCandidatesCodec.method(Taxonomy.loadDefault(), new Versions("p", "t", "c"));
    assertEquals("chatsignal.v1.ScoringService/ScoreCandidates", codec.getFullMethodName());
    assertEquals(generated.getType(), codec.getType());
    assertSame(generated.getSchemaDescriptor(), codec.getSchemaDescriptor());
    assertEquals(generated.isIdempotent(), codec.isIdempotent());
    assertEquals(generated.isSafe(), codec.isSafe());
    assertEquals(generated.isSampledToLocalTracing(), codec.isSampledToLocalTracing());
  }

  @Test
  void serverReflection_describesScoreCandidatesRequestAndResponse() throws Exception {
    try (TestServer server = TestServer.inMemory()) {
      List<ServerReflectionResponse> answers = reflect(server, List.of(
          ServerReflectionRequest.newBuilder().setListServices("").build(),
          ServerReflectionRequest.newBuilder().setFileContainingSymbol("chatsignal.v1.ScoringService").build()));
      assertTrue(answers.get(0).getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName)
          .anyMatch("chatsignal.v1.ScoringService"::equals), answers.get(0).toString());
      List<FileDescriptorProto> files = new ArrayList<>();
      for (var bytes : answers.get(1).getFileDescriptorResponse().getFileDescriptorProtoList()) {
        files.add(FileDescriptorProto.parseFrom(bytes));
      }
      FileDescriptorProto scoring = files.stream()
          .filter(f -> f.getName().equals("chatsignal/v1/scoring_service.proto")).findFirst().orElseThrow();
      ServiceDescriptorProto service = scoring.getService(0);
      assertEquals("ScoreCandidates", service.getMethod(0).getName());
      assertEquals(".chatsignal.v1.ScoreCandidatesRequest", service.getMethod(0).getInputType());
      assertEquals(".chatsignal.v1.ScoreCandidatesResponse", service.getMethod(0).getOutputType());
      assertTrue(scoring.getMessageTypeList().stream().anyMatch(m -> m.getName().equals("ScoreCandidatesRequest")
          && m.getFieldCount() == 11));
    }
  }

  private static List<ServerReflectionResponse> reflect(TestServer server, List<ServerReflectionRequest> requests)
      throws Exception {
    CompletableFuture<List<ServerReflectionResponse>> done = new CompletableFuture<>();
    List<ServerReflectionResponse> answers = new ArrayList<>();
    StreamObserver<ServerReflectionRequest> out = ServerReflectionGrpc.newStub(server.channel)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse value) {
            answers.add(value);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            done.complete(answers);
          }
        });
    requests.forEach(out::onNext);
    out.onCompleted();
    return done.get(30, TimeUnit.SECONDS);
  }
}
