package org.phaenthi.server;

import java.nio.file.Files;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store and brings it up to date with the data directory: the first start imports, a
 * later start with unchanged inputs opens the store without re-importing, changed inputs import a
 * new version (transactionally; the old one stays if the import fails).
 */
public final class DataBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DataBootstrap.class);

  private DataBootstrap() {}

  public static Store openStore(Config.StoreSettings settings) {
    if (settings.isPostgres()) {
      return StoreFactory.postgres(settings.location());
    }
    return new EmbeddedStore(java.nio.file.Path.of(settings.location()));
  }

  /** Returns the dataset to serve, importing first when the store is empty or out of date. */
  public static Dataset prepare(Config config, Store store) {
    long t0 = System.nanoTime();
    Config.Data data = config.data();
    if (!Files.isDirectory(data.dir())) {
      if (store.dataVersion().isPresent()) {
        LOG.warn(
            "data directory {} not found; serving the data already in {}",
            data.dir().toAbsolutePath(),
            store.describe());
        return store.load();
      }
      throw new Config.ConfigException(
          "data directory "
              + data.dir().toAbsolutePath()
              + " not found and the store is empty; point --data at the folder holding"
              + " boundaries/ and indicators/ (see README, 'Data')");
    }
    DatasetImporter importer =
        new DatasetImporter(
            data.dir(), data.boundaryFiles(), PropertyMapping.parse(data.boundaryMapping()));
    String wanted = importer.fingerprint();
    String held = store.dataVersion().orElse(null);
    Dataset ds;
    if (wanted.equals(held)) {
      ds = store.load();
      LOG.info(
          "opened {} (data version {}) in {} ms without re-importing",
          store.describe(),
          held,
          (System.nanoTime() - t0) / 1_000_000);
    } else if (held != null && config.store().isPostgres() && !config.importOnly()) {
      // A shared store is the source of truth: a node restarting with an older data directory
      // must not overwrite what another node imported. Imports go through --import-only or
      // POST /admin/import.
      ds = store.load();
      LOG.warn(
          "{} holds data version {}, the data directory would import as {}; serving the store's"
              + " version (run --import-only or POST /admin/import to replace it)",
          store.describe(),
          held,
          wanted);
    } else {
      LOG.info(
          "importing {} into {} (held: {}, wanted: {})",
          data.dir().toAbsolutePath(),
          store.describe(),
          held == null ? "nothing" : held,
          wanted);
      ds = importer.importAll();
      store.replace(ds);
      LOG.info("import done in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
    return ds;
  }
}
