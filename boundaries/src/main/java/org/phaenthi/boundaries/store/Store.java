package org.phaenthi.boundaries.store;

import java.util.Optional;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;

/**
 * Where a dataset lives durably. The embedded store and the PostGIS store both implement this; the
 * same contract tests run against both.
 */
public interface Store extends AutoCloseable {

  /** The data version held, or empty when the store has never been imported into. */
  Optional<String> dataVersion();

  /** Reads the whole dataset held. Throws {@link IllegalStateException} when empty. */
  Dataset load();

  /**
   * Replaces everything held with this dataset in one transaction: on failure the previous version
   * stays intact and keeps serving.
   */
  void replace(Dataset dataset);

  /** Human-readable location, never containing secrets. */
  String describe();

  /**
   * Calls the listener with the new data version when another process imports into this store.
   * Stores that cannot be shared (the embedded one) never call it.
   */
  default void onNewVersion(Consumer<String> listener) {}

  /**
   * False while the store cannot be reached (checked about once a second by stores that live
   * elsewhere): the last loaded dataset is still in memory, but it may no longer be the newest.
   */
  default boolean available() {
    return true;
  }

  @Override
  void close();
}
