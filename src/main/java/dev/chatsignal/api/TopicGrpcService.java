package dev.chatsignal.api;

import dev.chatsignal.topics.Classification;
import dev.chatsignal.topics.SensitiveCategory;
import dev.chatsignal.topics.Taxonomy;
import dev.chatsignal.topics.TextClassifier;
import dev.chatsignal.topics.Topic;
import dev.chatsignal.topics.TopicScore;
import dev.chatsignal.v1.ClassifyTextRequest;
import dev.chatsignal.v1.ClassifyTextResponse;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ListTopicsResponse;
import dev.chatsignal.v1.TopicConfidence;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.stub.StreamObserver;

/** The taxonomy and the classifier, for debugging what a chat would produce. Never stores text. */
public final class TopicGrpcService extends TopicServiceGrpc.TopicServiceImplBase {
  private final Taxonomy taxonomy;
  private final TextClassifier classifier;
  private final FieldRules rules;
  private final ListTopicsResponse topics;

  public TopicGrpcService(Taxonomy taxonomy, TextClassifier classifier, RequestLimits limits) {
    this.taxonomy = taxonomy;
    this.classifier = classifier;
    this.rules = new FieldRules(taxonomy, limits);
    ListTopicsResponse.Builder b = ListTopicsResponse.newBuilder().setTaxonomyVersion(taxonomy.version());
    for (Topic t : taxonomy.all()) {
      b.addTopics(dev.chatsignal.v1.Topic.newBuilder()
          .setId(t.id()).setPath(t.path()).setParentId(t.parentId()).setAdsSensitive(t.adsSensitive())
          .setName(t.name()));
    }
    this.topics = b.build();
  }

  @Override
  public void listTopics(ListTopicsRequest request, StreamObserver<ListTopicsResponse> out) {
    GrpcCalls.unary("ListTopics", out, () -> topics);
  }

  @Override
  public void classifyText(ClassifyTextRequest request, StreamObserver<ClassifyTextResponse> out) {
    GrpcCalls.unary("ClassifyText", out, () -> {
      Classification c = classifier.classify(rules.text("text", request.getText(), true));
      ClassifyTextResponse.Builder b = ClassifyTextResponse.newBuilder().setClassifierVersion(classifier.version());
      for (TopicScore t : c.topics()) {
        b.addTopics(TopicConfidence.newBuilder()
            .setTopicId(t.topicId()).setPath(taxonomy.pathOf(t.topicId())).setConfidence(t.confidence()));
      }
      c.sensitiveCategories().stream().sorted()
          .map(ProtoEnums::category).forEach(b::addSensitiveCategories);
      return b.build();
    });
  }
}
