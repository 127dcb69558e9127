package org.phaenthi.server.export;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
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
 * builds in its own thread; Caffeine's async cache with a caller-runs executor holds no lock while
 * it does). An evicted file is deleted; a reader that opened it before keeps reading it (POSIX
 * unlink), one that finds it gone builds it again.
 *
 * <p>A build is cancelled when every client waiting for it has gone: each request names a {@link
 * Waiter} (for HTTP, {@link ClientPresence}); the builder polls the {@code cancelled} it is given,
 * which turns true once all the waiters registered for that key say they are gone. A second client
 * waiting for the same build keeps it running after the first leaves. A cancelled build leaves no
 * file and no entry; a waiter still present when a build is cancelled under it starts it again.
 */
public final class ExportSpool implements AutoCloseable {
  /**
   * Writes the download into {@code file}, polling {@code cancelled} now and then (between
   * features, between tiles); when it turns true the builder should stop by throwing (any
   * exception: the spool reports it as a cancellation).
   */
  public interface Builder {
    void build(Path file, BooleanSupplier cancelled) throws IOException;
  }

  /** A client waiting for a download; {@link #gone()} is polled by the build it waits for. */
  public interface Waiter {
    /** True once the client has gone (it will never come back). Cheap: called often. */
    boolean gone();
  }

  /** A waiter that never leaves (tests, internal callers). */
  public static final Waiter STAYS = () -> false;

  /** Thrown to a waiter whose client has gone: nothing is to be sent, the work was dropped. */
  public static final class Abandoned extends IOException {
    private static final long serialVersionUID = 1L;

    Abandoned(String message) {
      super(message);
    }
  }

  /** The waiters of one key's build in progress. */
  private static final class Waiters implements BooleanSupplier {
    private final List<Waiter> list = new ArrayList<>();

    synchronized void add(Waiter w) {
      list.add(w);
    }

    synchronized boolean remove(Waiter w) {
      list.remove(w);
      return list.isEmpty();
    }

    /** Cancelled: every registered waiter has gone. */
    @Override
    public synchronized boolean getAsBoolean() {
      for (Waiter w : list) {
        if (!w.gone()) {
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
  private final AtomicLong cancelled = new AtomicLong();
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
    send(key, builder, out, STAYS);
  }

  /** {@link #send(String, Builder, OutputStream)} for a client that may leave while it waits. */
  public void send(String key, Builder builder, OutputStream out, Waiter waiter)
      throws IOException {
    use(key, builder, file -> Files.copy(file, out), waiter);
  }

  /**
   * Hands the kept file of {@code key} to {@code reader} (for range requests, which read parts of
   * it), building it first when it is not kept.
   */
  public void use(String key, Builder builder, Reader reader) throws IOException {
    use(key, builder, reader, STAYS);
  }

  /**
   * {@link #use(String, Builder, Reader)} for a client that may leave while it waits: the build is
   * cancelled once it and every other waiter of {@code key} have gone.
   *
   * @throws Abandoned when {@code waiter} has gone (nothing was given to {@code reader})
   */
  public void use(String key, Builder builder, Reader reader, Waiter waiter) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Spooled s = get(key, builder, waiter);
      if (s == null) {
        continue; // cancelled under a waiter that is still here: build again
      }
      if (waiter.gone()) {
        throw new Abandoned("the client left before its download was ready");
      }
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
    Spooled own = build(builder, waiter::gone);
    try {
      reader.read(own.file);
    } finally {
      own.evict();
    }
  }

  /** The kept or newly built file, or null when its build was cancelled while we still wait. */
  private Spooled get(String key, Builder builder, Waiter waiter) throws IOException {
    Waiters ws =
        waiting.compute(
            key,
            (k, v) -> {
              Waiters w = v == null ? new Waiters() : v;
              w.add(waiter);
              return w;
            });
    try {
      return cache.get(key, k -> build(builder, ws)).join();
    } catch (CancellationException e) {
      return cancelledUnder(waiter);
    } catch (CompletionException e) {
      if (e.getCause() instanceof CancellationException) {
        return cancelledUnder(waiter);
      }
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    } finally {
      waiting.computeIfPresent(key, (k, v) -> v.remove(waiter) ? null : v);
    }
  }

  private static Spooled cancelledUnder(Waiter waiter) throws Abandoned {
    if (waiter.gone()) {
      throw new Abandoned("the client left before its download was ready");
    }
    return null;
  }

  private Spooled build(Builder builder, BooleanSupplier cancel) {
    builds.incrementAndGet();
    Path file = dir.resolve(names.incrementAndGet() + ".part");
    try {
      builder.build(file, cancel);
      if (cancel.getAsBoolean()) {
        throw new CancellationException("every client waiting for this download has gone");
      }
      return new Spooled(file, Files.size(file));
    } catch (IOException | RuntimeException e) {
      delete(file);
      if (e instanceof CancellationException || cancel.getAsBoolean()) {
        cancelled.incrementAndGet();
        CancellationException c =
            new CancellationException("every client waiting for this download has gone");
        c.initCause(e);
        throw c;
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Builds cancelled because every client waiting for them had gone. */
  public long cancelled() {
    return cancelled.get();
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
