package dev.chatsignal.store;

import java.util.List;

/** The ops of one ingest batch for one user, in request order. */
public record UserOps(String userId, List<ProfileOp> ops) {
  public UserOps {
    ops = List.copyOf(ops);
  }
}
