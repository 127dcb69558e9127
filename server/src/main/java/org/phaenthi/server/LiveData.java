package org.phaenthi.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;

/**
 * The dataset being served. Swapped atomically when a new version is imported (here or, with
 * PostGIS, on another node); readers take one snapshot per request so a request never mixes two
 * versions.
 *
 * <p>Whoever holds this object can read the served data, not swap it: the swap is a separate
 * capability ({@link #claimSwap()}), given out once, to the server that serves this data, which
 * hands it to its {@link org.phaenthi.server.cluster.VersionFollower} alone. So the handlers and
 * caches it is shared with cannot change what every other request sees.
 */
public final class LiveData {
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean swapClaimed = new AtomicBoolean();

  public LiveData(Dataset initial) {
    current.set(new Snapshot(initial));
  }

  public Snapshot snapshot() {
    return current.get();
  }

  /** Called after each swap (caches drop their entries of older versions). */
  public void onReplace(Consumer<Snapshot> listener) {
    listeners.add(listener);
  }

  /**
   * The one way to swap the served dataset (then the listeners are called), handed out once.
   *
   * @throws IllegalStateException when it was claimed already (two servers over one live data)
   */
  public Consumer<Dataset> claimSwap() {
    if (!swapClaimed.compareAndSet(false, true)) {
      throw new IllegalStateException("the swap of this live data is claimed already");
    }
    return this::swap;
  }

  private void swap(Dataset dataset) {
    Snapshot s = new Snapshot(dataset, current.get());
    current.set(s);
    listeners.forEach(l -> l.accept(s));
  }
}
