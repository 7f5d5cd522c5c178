package dev.chatsignal.store;

class InMemoryStoreTest extends LocalStoreContract {
  @Override
  LocalStore open() {
    return new InMemoryStore();
  }
}
