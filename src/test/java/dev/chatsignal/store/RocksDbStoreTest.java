package dev.chatsignal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStoreTest extends LocalStoreContract {
  @TempDir
  Path dir;

  @Override
  LocalStore open() {
    return new RocksDbStore(dir, true);
  }

  @Test
  void committedData_survivesReopen() {
    repository = open();
    repository.commit(List.of(new UserWrite("u1", hiking(0.7), List.of("i1"))));
    repository.close();
    repository = open();
    assertEquals(hiking(0.7), repository.load("u1").orElseThrow());
    assertTrue(repository.seen("u1", "i1"));
  }

  @Test
  void secondOpenOfTheSameDirectory_failsClearly() {
    repository = open();
    StoreException e = assertThrows(StoreException.class, () -> new RocksDbStore(dir, true));
    assertTrue(e.getMessage().startsWith("cannot open RocksDB at "), e.getMessage());
  }
}
