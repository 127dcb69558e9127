package org.phaenthi.server.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.LiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node on the store's current publication: when the store announces a publication other
 * than the one served, loads it and swaps it in. Loads run on one thread, and announcements that
 * arrive during a load collapse into one. A failed load is retried every second until it succeeds
 * or the version is served.
 */
public final class VersionFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionFollower.class);
  private final Store store;
  private final LiveData live;
  private final Object swapLock = new Object();
  private final AtomicReference<String> wanted = new AtomicReference<>();
  private final ScheduledExecutorService loader =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "phaenthi-version-follower");
            t.setDaemon(true);
            return t;
          });
  private volatile long noticedAtNanos;
  private boolean failing;

  public VersionFollower(Store store, LiveData live) {
    this.store = store;
    this.live = live;
  }

  /** Subscribes to the store's announcements. */
  public void start() {
    store.onNewVersion(this::announced);
  }

  /** Called by the store (on its listener thread) with the id of its current publication. */
  void announced(String version) {
    if (version.equals(Long.toString(live.snapshot().publicationId()))) {
      return;
    }
    noticedAtNanos = System.nanoTime();
    if (wanted.getAndSet(version) == null) {
      loader.execute(this::follow);
    }
  }

  private void follow() {
    String version = wanted.get();
    try {
      synchronized (swapLock) {
        if (!version.equals(Long.toString(live.snapshot().publicationId()))) {
          long t0 = System.nanoTime();
          Dataset ds = store.load(Long.parseLong(version));
          live.replace(ds);
          LOG.info(
              "now serving publication {} (data version {}; load {} ms, {} ms after the"
                  + " announcement)",
              ds.publication().id(),
              ds.dataVersion(),
              (System.nanoTime() - t0) / 1_000_000,
              (System.nanoTime() - noticedAtNanos) / 1_000_000);
        }
      }
      failing = false;
      // A newer announcement during the load schedules one more round.
      if (!wanted.compareAndSet(version, null)) {
        loader.execute(this::follow);
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot load data version {} yet ({}); retrying", version, e.getMessage());
        failing = true;
      }
      loader.schedule(this::follow, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs an import-and-swap on this node so that its own announcement, arriving meanwhile, finds
   * the version already served instead of loading it a second time.
   */
  public void swap(Runnable importAndSwap) {
    synchronized (swapLock) {
      importAndSwap.run();
    }
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}
