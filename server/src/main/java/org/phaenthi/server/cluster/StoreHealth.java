package org.phaenthi.server.cluster;

import java.util.function.BooleanSupplier;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.LiveData;

/**
 * Whether this node's store can be reached. While it cannot, the node still holds its last snapshot
 * but cannot know whether a newer version exists, so data requests answer 503. Handlers that can
 * answer from a cache of the served version (tiles) check {@link #available()} on a miss.
 */
public final class StoreHealth implements BooleanSupplier {
  private final Store store;
  private final LiveData live;

  public StoreHealth(Store store, LiveData live) {
    this.store = store;
    this.live = live;
  }

  public boolean available() {
    return store.available();
  }

  @Override
  public boolean getAsBoolean() {
    return available();
  }

  /** The 503 message: what is wrong and what the client can do. */
  public String message() {
    return "the data store is unreachable; this node holds data version "
        + live.snapshot().version()
        + " but cannot confirm it is current. Retry in a few seconds.";
  }

  /** {@link #message()} in Thai. */
  public String messageTh() {
    return "ติดต่อที่เก็บข้อมูลไม่ได้ เซิร์ฟเวอร์นี้มีข้อมูลรุ่น "
        + live.snapshot().version()
        + " แต่ยืนยันไม่ได้ว่าเป็นรุ่นล่าสุด กรุณาลองใหม่ในอีกสักครู่";
  }

  public String storeDescription() {
    return store.describe();
  }
}
