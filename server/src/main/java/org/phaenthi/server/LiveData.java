package org.phaenthi.server;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;

/**
 * The dataset being served. Swapped atomically when a new version is imported (here or, with
 * PostGIS, on another node); readers take one snapshot per request so a request never mixes two
 * versions.
 */
public final class LiveData {
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final java.util.List<Consumer<Snapshot>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public LiveData(Dataset initial) {
    current.set(new Snapshot(initial));
  }

  public Snapshot snapshot() {
    return current.get();
  }

  public void replace(Dataset dataset) {
    Snapshot s = new Snapshot(dataset, current.get());
    current.set(s);
    listeners.forEach(l -> l.accept(s));
  }

  /** Called after each swap (caches drop their entries of older versions). */
  public void onReplace(Consumer<Snapshot> listener) {
    listeners.add(listener);
  }
}
