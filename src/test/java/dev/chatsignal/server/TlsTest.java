package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.testing.TlsTesting;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mTLS on the real Netty transport, with grpc-testing's test certificates. */
class TlsTest {
  @TempDir
  Path dir;

  private Path cert(String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = TlsTesting.loadCert(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private ChatSignalServer start(Map<String, String> env) throws Exception {
    ServerConfig config = ServerConfig.from(env, new String[0]);
    return Main.compose(config, Main.netty(config), null, Clock.systemUTC(), Ticker.systemTicker()).start();
  }

  private static int topicCount(ChatSignalServer server, ChannelCredentials credentials) throws Exception {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.grpcPort(), credentials)
        .overrideAuthority("foo.test.google.fr").build();
    try {
      return TopicServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .listTopics(ListTopicsRequest.getDefaultInstance()).getTopicsCount();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void tlsCertAndKey_serveTls() throws Exception {
    try (ChatSignalServer server = start(Map.of("CHATSIGNAL_STORE", "memory", "CHATSIGNAL_GRPC_PORT", "0",
        "CHATSIGNAL_TLS_CERT", cert("server1.pem").toString(), "CHATSIGNAL_TLS_KEY", cert("server1.key").toString()))) {
      ChannelCredentials tls = TlsChannelCredentials.newBuilder().trustManager(cert("ca.pem").toFile()).build();
      assertEquals(469, topicCount(server, tls));
    }
  }

  @Test
  void clientCa_requiresAClientCertificate() throws Exception {
    try (ChatSignalServer server = start(Map.of("CHATSIGNAL_STORE", "memory", "CHATSIGNAL_GRPC_PORT", "0",
        "CHATSIGNAL_TLS_CERT", cert("server1.pem").toString(), "CHATSIGNAL_TLS_KEY", cert("server1.key").toString(),
        "CHATSIGNAL_TLS_CLIENT_CA", cert("ca.pem").toString()))) {
      ChannelCredentials anonymous = TlsChannelCredentials.newBuilder().trustManager(dir.resolve("ca.pem").toFile())
          .build();
      StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> topicCount(server, anonymous));
      assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
      ChannelCredentials mutual = TlsChannelCredentials.newBuilder().trustManager(dir.resolve("ca.pem").toFile())
          .keyManager(cert("client.pem").toFile(), cert("client.key").toFile()).build();
      assertEquals(469, topicCount(server, mutual));
    }
  }
}
