package org.phaenthi.boundaries.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The admin records contract on PostGIS (migration V4), one database per test. */
class PostgisAdminRecordsIT extends AdminRecordsContract {
  private static final AtomicInteger DB = new AtomicInteger();
  private static PostgisCluster cluster;
  private String url;

  @BeforeAll
  static void startCluster() {
    cluster = PostgisCluster.startOrSkip();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void newDatabase() {
    url = cluster.createDatabase("admin_" + DB.incrementAndGet());
  }

  @Override
  protected AdminRecords open() {
    return PostgisAdminRecords.open(url);
  }
}
