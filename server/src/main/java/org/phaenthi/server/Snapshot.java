package org.phaenthi.server;

import org.phaenthi.boundaries.Dataset;

/** One data version with the indexes the handlers need, built once per version. */
public final class Snapshot {
  private final Dataset dataset;
  private final AreaSearch search;

  Snapshot(Dataset dataset) {
    this.dataset = dataset;
    this.search = new AreaSearch(dataset.boundaries());
  }

  public Dataset dataset() {
    return dataset;
  }

  public String version() {
    return dataset.dataVersion();
  }

  public AreaSearch search() {
    return search;
  }
}
