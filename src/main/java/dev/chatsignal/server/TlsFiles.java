package dev.chatsignal.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.File;
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

  private static final System.Logger LOG = System.getLogger(TlsFiles.class.getName());

  private TlsFiles() {}

  static ServerCredentials credentials(ServerConfig config) throws IOException {
    if (config.tlsCert().isEmpty()) {
      return InsecureServerCredentials.create();
    }
    long period = config.positiveInt(Setting.TLS_RELOAD_SECONDS);
    File cert = config.tlsCert().get().toFile();
    File key = config.tlsKey().get().toFile();
    try {
      AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
      keys.updateIdentityCredentials(cert, key);
      // grpc-java's own periodic reload refuses periods under a minute; this check is ours
      watch(period, () -> keys.updateIdentityCredentials(cert, key), cert, key);
      TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder().keyManager(keys);
      if (config.tlsClientCa().isPresent()) {
        File ca = config.tlsClientCa().get().toFile();
        AdvancedTlsX509TrustManager trust = AdvancedTlsX509TrustManager.newBuilder()
            .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION)
            .build();
        trust.updateTrustCredentials(ca);
        watch(period, () -> trust.updateTrustCredentials(ca), ca);
        tls.trustManager(trust).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return tls.build();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load TLS files: " + e.getMessage(), e);
    }
  }

  /** Something that re-reads TLS files. */
  private interface Reload {
    void run() throws IOException, GeneralSecurityException;
  }

  /**
   * Re-reads the files every {@code periodSeconds} when one of them changed; a file that does not
   * load (a half-written rotation) keeps the previous credentials and is tried again next time.
   */
  private static void watch(long periodSeconds, Reload reload, File... files) {
    long[] seen = new long[files.length];
    for (int i = 0; i < files.length; i++) {
      seen[i] = files[i].lastModified();
    }
    RELOADER.scheduleWithFixedDelay(() -> {
      boolean changed = false;
      for (int i = 0; i < files.length; i++) {
        changed |= files[i].lastModified() != seen[i];
      }
      if (!changed) {
        return;
      }
      try {
        reload.run();
        for (int i = 0; i < files.length; i++) {
          seen[i] = files[i].lastModified();
        }
        LOG.log(System.Logger.Level.INFO, "TLS files reloaded");
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "TLS files changed but do not load; keeping the previous ones: "
            + e.getMessage());
      }
    }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
  }
}
