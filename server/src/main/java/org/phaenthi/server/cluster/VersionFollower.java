package org.phaenthi.server.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.LiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node on the store's current publication: when the store announces a publication other
 * than the one served, loads it and swaps it in. Loads run on one thread, and announcements that
 * arrive during a load collapse into one. A failed load is retried every second until it succeeds
 * or the version is served.
 *
 * <p>It is the only holder of the live data's swap ({@link LiveData#claimSwap()}): a publish on
 * this node goes through {@link #publishAndServe}, a test's swap through {@link #serve}.
 */
public final class VersionFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionFollower.class);
  private final Store store;
  private final LiveData live;
  private final Consumer<Dataset> swap;
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

  /**
   * @param swap the live data's swap ({@link LiveData#claimSwap()})
   */
  public VersionFollower(Store store, LiveData live, Consumer<Dataset> swap) {
    this.store = store;
    this.live = live;
    this.swap = swap;
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
          swap.accept(ds);
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
   * Publishes into the store and serves the new publication on this node, under the swap lock, so
   * that its own announcement, arriving meanwhile, finds the version already served instead of
   * loading it a second time. A publish that throws changes nothing served.
   *
   * @return the new publication
   */
  public Publication publishAndServe(Supplier<Publication> publish) {
    synchronized (swapLock) {
      Publication p = publish.get();
      swap.accept(store.load(p.id()));
      return p;
    }
  }

  /** Serves this dataset on this node now (tests: a dataset that was never announced). */
  public void serve(Dataset dataset) {
    synchronized (swapLock) {
      swap.accept(dataset);
    }
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}
