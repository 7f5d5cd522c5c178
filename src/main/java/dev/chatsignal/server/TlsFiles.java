package dev.chatsignal.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server credentials from the configured PEM files: plaintext when no certificate is set, TLS with
 * one, mTLS (client certificate required) with a client CA. The files are re-read every
 * {@code CHATSIGNAL_TLS_RELOAD_SECONDS}, so a rotated certificate is served without a restart to
 * every new connection (grpc-java's AdvancedTls key and trust managers).
 */
final class TlsFiles {
  private static final ScheduledExecutorService RELOADER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tls-reload");
    t.setDaemon(true);
    return t;
  });

  private TlsFiles() {}

  static ServerCredentials credentials(ServerConfig config) throws IOException {
    if (config.tlsCert().isEmpty()) {
      return InsecureServerCredentials.create();
    }
    long period = config.positiveInt(Setting.TLS_RELOAD_SECONDS);
    try {
      AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
      keys.updateIdentityCredentials(config.tlsCert().get().toFile(), config.tlsKey().get().toFile(), period,
          TimeUnit.SECONDS, RELOADER);
      TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder().keyManager(keys);
      if (config.tlsClientCa().isPresent()) {
        AdvancedTlsX509TrustManager trust = AdvancedTlsX509TrustManager.newBuilder()
            .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION)
            .build();
        trust.updateTrustCredentials(config.tlsClientCa().get().toFile(), period, TimeUnit.SECONDS, RELOADER);
        tls.trustManager(trust).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return tls.build();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load TLS files: " + e.getMessage(), e);
    }
  }
}
