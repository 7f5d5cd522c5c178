package dev.chatsignal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Certificates made for one test with the {@code openssl} CLI: a CA, and server and client leaf
 * certificates it signs (server name {@code localhost}, also valid for 127.0.0.1), as PEM files with
 * PKCS#8 keys.
 */
public final class TestCertificates {
  public final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    TestCertificates certs = new TestCertificates(dir);
    certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=chatsignal-test-ca",
        "-keyout", "ca.key", "-out", "ca.pem");
    return certs;
  }

  /** Issues (or re-issues, with a new key) {@code <name>.pem} and {@code <name>.key} signed by the CA. */
  public void issue(String name, String commonName) throws IOException, InterruptedException {
    Files.writeString(dir.resolve(name + ".ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName, "-keyout", name + ".raw.key",
        "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem.tmp");
    openssl("pkcs8", "-topk8", "-nocrypt", "-in", name + ".raw.key", "-out", name + ".key.tmp");
    Files.move(dir.resolve(name + ".key.tmp"), dir.resolve(name + ".key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Files.move(dir.resolve(name + ".pem.tmp"), dir.resolve(name + ".pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = Tool.onPath("openssl").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
    }
  }
}
