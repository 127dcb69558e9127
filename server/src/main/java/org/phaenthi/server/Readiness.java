package org.phaenthi.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a started server answers every request at full speed yet: the port opens at once (a warm
 * start serves cached and pyramid tiles and the API within seconds), then the bands of the served
 * boundary set are decoded and the render path is warmed ({@code --tile-warmup-ms}); until both are
 * done a tile above the pyramid may wait for the decode or pay the JIT. {@code GET /health/ready}
 * says so, for a load balancer or an orchestrator that should send traffic only to a ready node
 * (Kubernetes' readiness probe, HAProxy's {@code option httpchk}, nginx Plus' health checks).
 *
 * <p>Phases only go forward; a later publication does not make a ready server unready (its bands
 * are decoded in the background and the old ones are served meanwhile).
 */
public final class Readiness {
  /** The start-up phases, in order. */
  public enum Phase {
    DECODING_BANDS(
        "decoding_bands",
        "starting: decoding the boundary bands",
        "กำลังเริ่มระบบ: กำลังถอดรหัสแถบขอบเขตพื้นที่"),
    WARMING_UP(
        "warming_up",
        "starting: warming up the tile renderer",
        "กำลังเริ่มระบบ: กำลังเตรียมตัวสร้างไทล์แผนที่"),
    READY("ready", "ready", "พร้อมให้บริการ");

    private final String id;
    private final String message;
    private final String messageTh;

    Phase(String id, String message, String messageTh) {
      this.id = id;
      this.message = message;
      this.messageTh = messageTh;
    }

    /** As the API writes it. */
    public String id() {
      return id;
    }

    public String message() {
      return message;
    }

    public String messageTh() {
      return messageTh;
    }
  }

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.DECODING_BANDS);

  public Phase phase() {
    return phase.get();
  }

  public boolean ready() {
    return phase() == Phase.READY;
  }

  /** Moves to {@code next} unless the server is there or further already; never back. */
  public void advance(Phase next) {
    phase.accumulateAndGet(next, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }
}
