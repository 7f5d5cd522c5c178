package dev.chatsignal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class LocalRocksDbRepositoryTest extends ProfileRepositoryContract {
  @Override
  ProfileRepository create() {
    try {
      return new LocalProfileRepository(new RocksDbStore(Files.createTempDirectory("rocks-"), false), DECAY, MAX_TOPICS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
