package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.chatsignal.testing.TestCertificates;
import dev.chatsignal.v1.GetProfileRequest;
import dev.chatsignal.v1.ListTopicsRequest;
import dev.chatsignal.v1.ProfileServiceGrpc;
import dev.chatsignal.v1.TopicServiceGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with certificates generated in the test: plaintext is refused when TLS is on, the admin token
 * still applies under mTLS, and a rotated certificate is served to new connections without a restart.
 */
class TlsRotationTest {
  @TempDir
  Path dir;

  @Test
  void plaintextRefused_tokenRequired_andRotatedCertificateServedWithoutRestart() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    certs.issue("server", "chatsignal-one");
    certs.issue("client", "ranker");
    ServerConfig config = ServerConfig.from(Map.of("CHATSIGNAL_STORE", "memory", "CHATSIGNAL_GRPC_PORT", "0",
        "CHATSIGNAL_CLASSIFIER", "lexicon", "CHATSIGNAL_ADMIN_TOKEN", "t0k3n", "CHATSIGNAL_TLS_RELOAD_SECONDS", "1",
        "CHATSIGNAL_TLS_CERT", certs.file("server.pem").toString(),
        "CHATSIGNAL_TLS_KEY", certs.file("server.key").toString(),
        "CHATSIGNAL_TLS_CLIENT_CA", certs.file("ca.pem").toString()), new String[0]);
    try (ChatSignalServer server = Main.compose(config, Main.netty(config), null, Clock.systemUTC(),
        Ticker.systemTicker()).start()) {
      ChannelCredentials mtls = TlsChannelCredentials.newBuilder().trustManager(certs.file("ca.pem").toFile())
          .keyManager(certs.file("client.pem").toFile(), certs.file("client.key").toFile()).build();

      StatusRuntimeException plaintext = assertThrows(StatusRuntimeException.class,
          () -> call(server, InsecureChannelCredentials.create(), channel -> TopicServiceGrpc.newBlockingStub(channel)
              .listTopics(ListTopicsRequest.getDefaultInstance())));
      assertEquals(Status.Code.UNAVAILABLE, plaintext.getStatus().getCode());

      assertEquals(Integer.valueOf(469), call(server, mtls, channel -> TopicServiceGrpc.newBlockingStub(channel)
          .listTopics(ListTopicsRequest.getDefaultInstance()).getTopicsCount()));
      StatusRuntimeException noToken = assertThrows(StatusRuntimeException.class, () -> call(server, mtls,
          channel -> ProfileServiceGrpc.newBlockingStub(channel).getProfile(request())));
      assertEquals(Status.Code.UNAUTHENTICATED, noToken.getStatus().getCode());
      Metadata token = new Metadata();
      token.put(AdminTokenInterceptor.AUTHORIZATION, "Bearer t0k3n");
      assertEquals("u1", call(server, mtls, channel -> ProfileServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token)).getProfile(request()).getUserId()));

      BigInteger before = serverSerial(server, mtls);
      certs.issue("server", "chatsignal-two");
      BigInteger expected = serial(certs.file("server.pem"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      BigInteger now = before;
      while (!now.equals(expected) && System.nanoTime() < deadline) {
        Thread.sleep(100); // the reloader re-reads the files once a second; bounded wait for it
        now = serverSerial(server, mtls);
      }
      assertNotEquals(before, now);
      assertEquals(expected, now, "new connections get the rotated certificate, no restart");
    }
  }

  private static GetProfileRequest request() {
    return GetProfileRequest.newBuilder().setUserId("u1").build();
  }

  /** The serial number of the certificate the server presents on a fresh connection. */
  private static BigInteger serverSerial(ChatSignalServer server, ChannelCredentials mtls) throws Exception {
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", server.grpcPort())) {
      socket.setSoTimeout(5000);
      socket.setSSLParameters(withAlpn(socket.getSSLParameters()));
      try {
        socket.startHandshake();
      } catch (java.io.IOException e) {
        // mTLS: the server may reject us after sending its certificate; the session still has it
      }
      try {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
      } catch (SSLPeerUnverifiedException e) {
        throw new IllegalStateException("no server certificate seen", e);
      }
    }
  }

  private static javax.net.ssl.SSLParameters withAlpn(javax.net.ssl.SSLParameters parameters) {
    parameters.setApplicationProtocols(new String[] {"h2"});
    return parameters;
  }

  private static BigInteger serial(Path pem) throws Exception {
    try (var in = java.nio.file.Files.newInputStream(pem)) {
      return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getSerialNumber();
    }
  }

  private interface Call<T> {
    T on(ManagedChannel channel);
  }

  private static <T> T call(ChatSignalServer server, ChannelCredentials credentials, Call<T> call)
      throws InterruptedException {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.grpcPort(), credentials).build();
    try {
      return call.on(channel);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
