package dev.chatsignal.store;

class InMemoryProfileRepositoryTest extends ProfileRepositoryContract {
  @Override
  ProfileRepository open() {
    return new InMemoryProfileRepository();
  }
}
