package dev.chatsignal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void defaults_matchTheSpec() {
    ServerConfig c = ServerConfig.defaults();
    assertEquals(50051, c.grpcPort());
    assertEquals(9464, c.httpPort());
    assertEquals("127.0.0.1", c.bind());
    assertEquals(Path.of("./data"), c.dataDir());
    assertEquals(ServerConfig.StoreKind.ROCKSDB, c.store());
    assertEquals(Instant.parse("2025-12-16T00:00:00Z"), c.policy().effectiveDate());
    assertTrue(c.policy().excludedRegions().containsAll(java.util.Set.of("DE", "GB", "KR", "NO", "GF")));
  }

  @Test
  void environment_isOverriddenByFlags() {
    ServerConfig c = ServerConfig.from(Map.of("CHATSIGNAL_GRPC_PORT", "6000", "CHATSIGNAL_STORE", "memory"),
        new String[] {"--grpc-port=7000", "--http-port", "7001", "--data-dir=/tmp/x"});
    assertEquals(7000, c.grpcPort());
    assertEquals(7001, c.httpPort());
    assertEquals(ServerConfig.StoreKind.MEMORY, c.store());
    assertEquals(Path.of("/tmp/x"), c.dataDir());
  }

  @Test
  void invalidSettings_failNamingTheSetting() {
    assertMessage(Map.of("CHATSIGNAL_GRPC_PORT", "http"), "CHATSIGNAL_GRPC_PORT: 'http' (expected: a port 0..65535)");
    assertMessage(Map.of("CHATSIGNAL_STORE", "mongo"), "CHATSIGNAL_STORE: 'mongo' (expected: rocksdb, redis or memory)");
    assertMessage(Map.of("CHATSIGNAL_TLS_CERT", "/c.pem"), "CHATSIGNAL_TLS_CERT and CHATSIGNAL_TLS_KEY must be set together");
    assertMessage(Map.of("CHATSIGNAL_EXCLUDED_REGIONS", "DE,QQ"), "CHATSIGNAL_EXCLUDED_REGIONS: excluded region: QQ");
    assertMessage(Map.of("CHATSIGNAL_EFFECTIVE_DATE", "yesterday"), "CHATSIGNAL_EFFECTIVE_DATE: 'yesterday'");
    ConfigException flag = assertThrows(ConfigException.class,
        () -> ServerConfig.from(Map.of(), new String[] {"--no-such-flag=1"}));
    assertTrue(flag.getMessage().startsWith("unknown flag --no-such-flag"));
  }

  @Test
  void excludedRegions_canBeReplaced() {
    ServerConfig c = ServerConfig.from(Map.of("CHATSIGNAL_EXCLUDED_REGIONS", "br, ca"), new String[0]);
    assertEquals(java.util.Set.of("BR", "CA"), c.policy().excludedRegions());
  }

  @Test
  void ageOfMajority_underARegionAlias_isRejectedNamingTheCanonicalCode() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.from(Map.of("CHATSIGNAL_AGE_OF_MAJORITY", "*=18,UK=21"), new String[0]).policy());
    assertTrue(e.getMessage().contains("UK is an alias of GB (expected: GB=age)"), e.getMessage());
    assertEquals(21, ServerConfig.from(Map.of("CHATSIGNAL_AGE_OF_MAJORITY", "*=18,GB=21"), new String[0])
        .policy().ageOfMajority().ageIn("GB"));
  }

  private static void assertMessage(Map<String, String> env, String prefix) {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(env, new String[0]));
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }
}
