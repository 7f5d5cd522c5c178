package dev.chatsignal.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The embedded default store: RocksDB in {@code <dataDir>/profiles}.
 *
 * <p>Keys: {@code 'p' userId} holds the encoded profile; {@code 'i' userId NUL interactionId} marks
 * a processed interaction (kept after erasure, so that a retried interaction cannot bring erased data
 * back). A commit is one {@link WriteBatch} through the write-ahead log; with {@code sync} it is
 * fsynced before it returns (survives power loss), without it it survives a process crash but not a
 * power loss.
 */
public final class RocksDbStore implements LocalStore {
  private static final byte PROFILE = 'p';
  private static final byte INTERACTION = 'i';

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final RocksDB db;
  private final WriteOptions writeOptions;
  private final WriteOptions syncedWriteOptions;

  /** Opens (or creates) the store; fails with {@link StoreException} when it is locked or corrupt. */
  public RocksDbStore(Path dataDir, boolean sync) {
    this.dir = dataDir.resolve("profiles");
    try {
      Files.createDirectories(dir);
      this.options = new Options().setCreateIfMissing(true);
      this.db = RocksDB.open(options, dir.toString());
    } catch (RocksDBException | java.io.IOException e) {
      throw new StoreException("cannot open RocksDB at " + dir + ": " + e.getMessage(), e);
    }
    this.writeOptions = new WriteOptions().setSync(sync);
    this.syncedWriteOptions = new WriteOptions().setSync(true);
  }

  @Override
  public Optional<Profile> load(String userId) {
    try {
      byte[] bytes = db.get(key(PROFILE, userId, null));
      return bytes == null ? Optional.empty() : Optional.of(ProfileCodec.decode(bytes));
    } catch (RocksDBException e) {
      throw new StoreException("profile read failed", e);
    }
  }

  @Override
  public boolean seen(String userId, String interactionId) {
    try {
      return db.get(key(INTERACTION, userId, interactionId)) != null;
    } catch (RocksDBException e) {
      throw new StoreException("idempotency read failed", e);
    }
  }

  @Override
  public void commit(List<UserWrite> writes) {
    write(writes, writeOptions);
  }

  @Override
  public void commitSynced(List<UserWrite> writes) {
    write(writes, syncedWriteOptions);
  }

  private void write(List<UserWrite> writes, WriteOptions options) {
    byte[] marker = new byte[] {1};
    try (WriteBatch batch = new WriteBatch()) {
      for (UserWrite write : writes) {
        byte[] profileKey = key(PROFILE, write.userId(), null);
        if (write.profile().isEmpty()) {
          batch.delete(profileKey);
        } else {
          batch.put(profileKey, ProfileCodec.encode(write.profile()));
        }
        for (String id : write.newInteractionIds()) {
          batch.put(key(INTERACTION, write.userId(), id), marker);
        }
      }
      db.write(options, batch);
    } catch (RocksDBException e) {
      throw new StoreException("profile write failed", e);
    }
  }

  private static byte[] key(byte kind, String userId, String interactionId) {
    String rest = interactionId == null ? userId : userId + '\u0000' + interactionId;
    byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[tail.length + 1];
    key[0] = kind;
    System.arraycopy(tail, 0, key, 1, tail.length);
    return key;
  }

  /** Flushes the memtable and compacts, so that on-disk size can be measured (docs/scaling.md). */
  void flushForMeasurement() {
    try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
      db.flush(flush);
      db.compactRange();
    } catch (RocksDBException e) {
      throw new StoreException("flush failed", e);
    }
  }

  @Override
  public String describe() {
    return "rocksdb(" + dir + ")";
  }

  @Override
  public void close() {
    writeOptions.close();
    syncedWriteOptions.close();
    db.close();
    options.close();
  }
}
