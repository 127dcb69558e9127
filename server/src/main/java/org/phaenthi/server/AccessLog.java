package org.phaenthi.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log, one line per request (method, path, status, ms, cache hit/miss), in the same
 * shape as the other log lines on standard error ({@code 10:04:19.683 INFO phaenthi.access - GET
 * /tiles/province/6/50/30.mvt 200 0.4ms cache=hit}, local time); the {@code phaenthi.access}
 * logger's level switches it off.
 *
 * <p>Request threads only append the line to a lock-free queue; one background thread wakes every
 * {@value #FLUSH_MS} ms and writes what has queued in one write. Writing each line through the
 * logger (a synchronized, auto-flushing stream) made concurrent requests wait for each other, and
 * waking a writer per line cost a futex call per request; batching takes both off a cached tile's
 * path (BENCHMARKS.md). When more than {@value #BACKLOG} lines wait, the request thread writes its
 * own line, so no line is lost and memory stays bounded.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger ACCESS = LoggerFactory.getLogger("phaenthi.access");
  private static final String LEVEL = " INFO phaenthi.access - ";
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss.");
  static final int BACKLOG = 65_536;
  static final int FLUSH_MS = 20;

  /** A request's line without its time, and the time it was logged. */
  private record Entry(long epochMs, String text) {}

  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final OutputStream out;
  private final boolean enabled;
  private final Thread writer = new Thread(this::drain, "phaenthi-access-log");
  private volatile boolean closed;
  private final ZoneId zone = ZoneId.systemDefault();
  private long second = -1;
  private String secondText = "";

  AccessLog() {
    this(System.err, ACCESS.isInfoEnabled());
  }

  /** For tests: lines go to {@code out}. */
  AccessLog(OutputStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
    writer.setDaemon(true);
    writer.start();
  }

  void log(Object method, String path, int status, float ms, Object cache) {
    if (!enabled) {
      return;
    }
    Entry e = new Entry(System.currentTimeMillis(), line(method, path, status, ms, cache));
    if (closed || pending.incrementAndGet() > BACKLOG) {
      if (!closed) {
        pending.decrementAndGet();
      }
      StringBuilder b = new StringBuilder(e.text().length() + 40);
      synchronized (this) {
        append(b, e);
      }
      write(b);
      return;
    }
    queue.add(e);
  }

  /** What follows the time: {@code INFO phaenthi.access - GET /path 200 1.5ms cache=hit}. */
  static String line(Object method, String path, int status, float ms, Object cache) {
    int tenths = Math.max(0, Math.round(ms * 10));
    StringBuilder b = new StringBuilder(LEVEL.length() + path.length() + 32);
    b.append(LEVEL).append(method).append(' ').append(path).append(' ').append(status);
    b.append(' ').append(tenths / 10).append('.').append(tenths % 10).append("ms");
    if (cache != null) {
      b.append(" cache=").append(cache);
    }
    return b.toString();
  }

  private void drain() {
    StringBuilder batch = new StringBuilder(1 << 16);
    while (!closed) {
      if (!writeQueued(batch)) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MS));
      }
    }
    while (writeQueued(batch)) {
      // everything still queued
    }
  }

  /** Writes every queued line in one write; false when there was none. */
  private boolean writeQueued(StringBuilder batch) {
    Entry e;
    int n = 0;
    synchronized (this) {
      while ((e = queue.poll()) != null) {
        append(batch, e);
        n++;
        if (batch.length() > (1 << 20)) {
          break;
        }
      }
    }
    if (n == 0) {
      return false;
    }
    pending.addAndGet(-n);
    write(batch);
    batch.setLength(0);
    return true;
  }

  /** Appends the entry's whole line: local time {@code HH:mm:ss.SSS}, text, newline. */
  private void append(StringBuilder b, Entry e) {
    long s = Math.floorDiv(e.epochMs(), 1000);
    if (s != second) {
      second = s;
      secondText = SECOND.format(Instant.ofEpochSecond(s).atZone(zone));
    }
    int millis = (int) Math.floorMod(e.epochMs(), 1000);
    b.append(secondText).append((char) ('0' + millis / 100));
    b.append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    b.append(e.text()).append('\n');
  }

  private void write(CharSequence text) {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // standard error is gone; nothing better to do with an access-log line
      }
    }
  }

  /** Writes what is still queued and stops the writer. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StringBuilder rest = new StringBuilder();
    while (writeQueued(rest)) {
      // a line queued while the writer finished
    }
    if (out instanceof PrintStream p) {
      p.flush();
    }
  }
}
