package org.phaenthi.boundaries.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded file store, in a temp directory. */
class EmbeddedStoreContractTest extends StoreContract {
  @TempDir Path dir;

  @Override
  protected Store open() {
    return new EmbeddedStore(dir.resolve("phaenthi"));
  }

  @Override
  protected String secret() {
    return null;
  }
}
