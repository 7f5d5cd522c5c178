package dev.chatsignal.store;

class LocalMemoryRepositoryTest extends ProfileRepositoryContract {
  @Override
  ProfileRepository create() {
    return new LocalProfileRepository(new InMemoryStore(), DECAY, MAX_TOPICS);
  }
}
