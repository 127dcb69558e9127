package org.phaenthi.server.export;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Downloads that cannot be streamed (a GeoPackage is an SQLite file, written with random access)
 * are built once into a file of a private temporary directory and kept there, keyed by what makes
 * their bytes (data version, format, selection), bounded by disk bytes. Identical requests made
 * while one is being built wait for that build instead of starting their own (the first caller
 * builds in its own thread, outside the cache: the cache is handed an incomplete future, which the
 * builder completes, so no build runs inside the cache's map compute — a bundle's build asks the
 * spool for its PMTiles archive, and a nested compute in the same bin of Caffeine's map fails with
 * "Recursive update"). An evicted file is deleted; a reader that opened it before keeps reading it
 * (POSIX unlink), one that finds it gone builds it again.
 */
public final class ExportSpool implements AutoCloseable {
  /** Writes the download into {@code file}. */
  public interface Builder {
    void build(Path file) throws IOException;
  }

  /**
   * Writes the download into {@code file}, polling {@code cancelled} as it goes: true once every
   * client waiting for this build has gone, and the builder then throws {@link Cancelled}.
   */
  public interface CancellableBuilder {
    void build(Path file, BooleanSupplier cancelled) throws IOException;
  }

  /** A build stopped because nobody waits for it any more. */
  public static final class Cancelled extends IOException {
    public Cancelled() {
      super("build cancelled: every client waiting for it has gone");
    }
  }

  /** The clients waiting for one key's build; the build is cancelled when all are gone. */
  private static final class Waiters {
    final Set<BooleanSupplier> all = ConcurrentHashMap.newKeySet();

    boolean allGone() {
      for (BooleanSupplier w : all) {
        if (!w.getAsBoolean()) {
          return false;
        }
      }
      return true;
    }
  }

  /** A kept file; deleted once evicted and no reader holds it. */
  private static final class Spooled {
    final Path file;
    final long bytes;
    private int readers;
    private boolean evicted;
    private boolean deleted;

    Spooled(Path file, long bytes) {
      this.file = file;
      this.bytes = bytes;
    }

    synchronized boolean acquire() {
      if (deleted) {
        return false;
      }
      readers++;
      return true;
    }

    synchronized void release() {
      if (--readers == 0 && evicted) {
        deleted = true;
        delete(file);
      }
    }

    synchronized void evict() {
      evicted = true;
      if (readers == 0) {
        deleted = true;
        delete(file);
      }
    }
  }

  private final Path dir;
  private final AsyncCache<String, Spooled> cache;
  private final ConcurrentHashMap<String, Waiters> waiting = new ConcurrentHashMap<>();
  private final AtomicLong builds = new AtomicLong();
  private final AtomicLong cancelledBuilds = new AtomicLong();
  private final AtomicLong names = new AtomicLong();

  public ExportSpool(long maxBytes) {
    try {
      this.dir = Files.createTempDirectory("phaenthi-exports-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the export spool directory", e);
    }
    this.cache =
        Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(maxBytes)
            .weigher((String k, Spooled s) -> (int) Math.min(Integer.MAX_VALUE, s.bytes))
            .removalListener(
                (String k, Spooled s, com.github.benmanes.caffeine.cache.RemovalCause c) -> {
                  if (s != null) {
                    s.evict();
                  }
                })
            .buildAsync();
  }

  /** True when the download of this key is built and kept (so sending it costs a file copy). */
  public boolean ready(String key) {
    CompletableFuture<Spooled> f = cache.getIfPresent(key);
    return f != null && f.isDone() && !f.isCompletedExceptionally();
  }

  /** Reads a kept file (it is not deleted while this runs). */
  public interface Reader {
    void read(Path file) throws IOException;
  }

  /** Copies the download of {@code key} to {@code out}, building it first when it is not kept. */
  public void send(String key, Builder builder, OutputStream out) throws IOException {
    use(key, builder, file -> Files.copy(file, out));
  }

  /**
   * Hands the kept file of {@code key} to {@code reader} (for range requests, which read parts of
   * it), building it first when it is not kept.
   */
  public void use(String key, Builder builder, Reader reader) throws IOException {
    use(key, (file, cancelled) -> builder.build(file), reader, () -> false);
  }

  /**
   * As {@link #use(String, Builder, Reader)}, for a client that may go away: {@code gone} says
   * whether it has. A build shared by several clients runs on while one of them still waits, and is
   * cancelled (its file deleted, nothing kept) once they have all gone; a client that still waits
   * when a build is cancelled under it starts a new one.
   */
  public void use(String key, CancellableBuilder builder, Reader reader, BooleanSupplier gone)
      throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        useOnce(key, builder, reader, gone);
        return;
      } catch (Cancelled c) {
        if (gone.getAsBoolean() || attempt > 0) {
          throw c;
        }
      }
    }
  }

  private void useOnce(String key, CancellableBuilder builder, Reader reader, BooleanSupplier gone)
      throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Spooled s = waitFor(key, builder, gone);
      if (s.acquire()) {
        try {
          reader.read(s.file);
          return;
        } finally {
          s.release();
        }
      }
      // evicted before this reader opened it (the cache may refuse a new entry in favour of
      // more frequent ones): ask again
    }
    // the cache keeps refusing it: build a private copy for this request
    Spooled own = build(file -> builder.build(file, gone));
    try {
      reader.read(own.file);
    } finally {
      own.evict();
    }
  }

  /** The kept file of {@code key}, waiting (as one of its waiters) for its build. */
  private Spooled waitFor(String key, CancellableBuilder builder, BooleanSupplier gone)
      throws IOException {
    Waiters ws =
        waiting.compute(
            key,
            (k, v) -> {
              Waiters w = v == null ? new Waiters() : v;
              w.all.add(gone);
              return w;
            });
    try {
      if (gone.getAsBoolean()) {
        // this client left before it reached the cache: starting a build for it would be wasted
        throw new Cancelled();
      }
      return get(key, file -> builder.build(file, ws::allGone), ws::allGone);
    } catch (Cancelled c) {
      cancelledBuilds.incrementAndGet();
      throw c;
    } finally {
      waiting.computeIfPresent(
          key,
          (k, v) -> {
            v.all.remove(gone);
            return v.all.isEmpty() ? null : v;
          });
    }
  }

  /** Clients waiting for the build of {@code key} now (for tests). */
  int waiting(String key) {
    Waiters w = waiting.get(key);
    return w == null ? 0 : w.all.size();
  }

  /** Builds stopped because their clients had gone, counted once per waiter told. */
  public long cancelled() {
    return cancelledBuilds.get();
  }

  /**
   * The kept file of {@code key}, built when missing unless {@code abandoned} says every waiter has
   * gone. The first caller installs an incomplete future and builds outside the cache's lock; later
   * callers wait on that future (a cancelled or failed build's future is dropped by the cache, and
   * {@link #use(String, CancellableBuilder, Reader, BooleanSupplier)} asks again for a client that
   * still waits).
   */
  private Spooled get(String key, Builder builder, BooleanSupplier abandoned) throws IOException {
    CompletableFuture<Spooled> mine = new CompletableFuture<>();
    CompletableFuture<Spooled> f = cache.get(key, (k, executor) -> mine);
    if (f == mine) {
      if (abandoned.getAsBoolean()) {
        mine.completeExceptionally(new UncheckedIOException(new Cancelled()));
      } else {
        try {
          mine.complete(build(builder));
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
        }
      }
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private Spooled build(Builder builder) {
    builds.incrementAndGet();
    Path file = dir.resolve(names.incrementAndGet() + ".part");
    try {
      builder.build(file);
      return new Spooled(file, Files.size(file));
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  /** Builds since the start (a miss each). */
  public long builds() {
    return builds.get();
  }

  /** The directory holding the kept files. */
  public Path directory() {
    return dir;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a file left in the temporary directory is removed with it at close
    }
  }

  @Override
  public void close() {
    cache.synchronous().invalidateAll();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(ExportSpool::delete);
    } catch (IOException ignored) {
      // the temporary directory is the operating system's to clean
    }
  }
}
