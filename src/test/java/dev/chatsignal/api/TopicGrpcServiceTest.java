package dev.chatsignal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatsignal.testing.Protos;
import dev.chatsignal.testing.TestServer;
import dev.chatsignal.v1.ClassifyTextRequest;
import dev.chatsignal.v1.ClassifyTextResponse;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ListTopicsResponse;
import dev.chatsignal.v1.SensitiveCategory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicGrpcServiceTest {
  private final TestServer server = TestServer.with(java.util.Map.of("CHATSIGNAL_CLASSIFIER", "hybrid"));

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void listTopics_returnsTheWholeTaxonomy_withSensitiveFlags() {
    ListTopicsResponse r = server.topics().listTopics(ListTopicsRequest.getDefaultInstance());
    assertEquals(469, r.getTopicsCount());
    assertEquals("chrome-topics-v2", r.getTaxonomyVersion());
    var politics = r.getTopicsList().stream().filter(t -> t.getId() == Protos.POLITICS).findFirst().get();
    assertTrue(politics.getAdsSensitive());
    assertEquals("/News/Politics", politics.getPath());
    var hiking = r.getTopicsList().stream().filter(t -> t.getId() == Protos.HIKING).findFirst().get();
    assertFalse(hiking.getAdsSensitive());
    assertEquals(201, hiking.getParentId());
    assertEquals("Hiking & Camping", hiking.getName());
  }

  @Test
  void classifyText_hikingChat_findsHikingFirst() {
    ClassifyTextResponse r = server.topics().classifyText(ClassifyTextRequest.newBuilder()
        .setText(Protos.HIKING_CHAT).build());
    assertEquals(Protos.HIKING, r.getTopics(0).getTopicId());
    assertTrue(r.getTopics(0).getConfidence() > 0 && r.getTopics(0).getConfidence() <= 1);
    assertEquals(0, r.getSensitiveCategoriesCount());
    assertTrue(r.getClassifierVersion().startsWith("hybrid"), r.getClassifierVersion());
  }

  @Test
  void classifyText_reportsSensitiveCategories() {
    ClassifyTextResponse r = server.topics().classifyText(ClassifyTextRequest.newBuilder()
        .setText("As a diabetic, which hiking snacks should I pack?").build());
    assertTrue(r.getSensitiveCategoriesList().contains(SensitiveCategory.SENSITIVE_CATEGORY_HEALTH));
  }

  @Test
  void classifyText_emptyText_isInvalidArgument() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> server.topics().classifyText(ClassifyTextRequest.getDefaultInstance()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("text: <empty> (expected: non-blank text)", e.getStatus().getDescription());
  }
}
