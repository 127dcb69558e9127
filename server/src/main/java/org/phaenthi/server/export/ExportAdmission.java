package org.phaenthi.server.export;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.phaenthi.server.ApiException;

/**
 * The bounded admission of downloads: at most {@code permits} exports are built or streamed at
 * once; one beyond that is refused at once with 503 and {@code Retry-After}, before any work, so a
 * burst costs a few bytes per refused request instead of a heap of half-built files. Waiting in a
 * queue instead would hold a Jetty thread per waiting client.
 */
public final class ExportAdmission {
  private final Semaphore permits;
  private final int limit;
  private final int retryAfterSeconds;
  private final AtomicLong refused = new AtomicLong();

  public ExportAdmission(int permits, int retryAfterSeconds) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be ≥ 1, not " + permits);
    }
    this.permits = new Semaphore(permits);
    this.limit = permits;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A held permit; closing it gives it back (once). */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * A permit, or a 503 with {@code Retry-After} when {@link #limit()} exports are running already.
   */
  public Permit enter(Context ctx) {
    Permit p = tryEnter();
    if (p == null) {
      refused.incrementAndGet();
      ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
      throw busy();
    }
    return p;
  }

  /** The 503 of a full house, in English and Thai. */
  private ApiException busy() {
    return new ApiException(
        503,
        limit
            + " downloads are being prepared already (--export-concurrency); retry in "
            + retryAfterSeconds
            + " s",
        "กำลังเตรียมไฟล์ดาวน์โหลดอยู่แล้ว "
            + limit
            + " รายการ กรุณาลองใหม่ในอีก "
            + retryAfterSeconds
            + " วินาที");
  }

  /**
   * A permit for a build that every request waiting for it shares (taken inside the build, so
   * identical requests arriving meanwhile join it without a slot of their own); a 503 {@link
   * ApiException} when none is free, which reaches each of those requests ({@link
   * #refusedBuild(Context, ApiException)} adds their {@code Retry-After}).
   */
  public Permit enterBuild() {
    Permit p = tryEnter();
    if (p == null) {
      refused.incrementAndGet();
      throw busy();
    }
    return p;
  }

  /** Adds {@code Retry-After} to a request refused by {@link #enterBuild()}; returns {@code e}. */
  public ApiException refusedBuild(Context ctx, ApiException e) {
    if (e.status() == 503) {
      ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
    }
    return e;
  }

  /** A permit, or null when {@link #limit()} exports are running already. */
  public Permit tryEnter() {
    if (!permits.tryAcquire()) {
      return null;
    }
    return new Permit() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          permits.release();
        }
      }
    };
  }

  public int limit() {
    return limit;
  }

  /** Exports running now. */
  public int running() {
    return limit - permits.availablePermits();
  }

  /** Exports refused with 503 since the start. */
  public long refused() {
    return refused.get();
  }
}
