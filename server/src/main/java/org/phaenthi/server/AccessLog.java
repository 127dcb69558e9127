package org.phaenthi.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log, one line per request (method, path, status, ms, cache hit/miss), written by one
 * background thread. Request threads only enqueue: written on the request thread, the log's lock
 * (slf4j-simple prints each line to a synchronized, auto-flushing stream) made concurrent requests
 * wait for each other and cost about a quarter of the cached-tile throughput (BENCHMARKS.md). When
 * the backlog is full the request thread writes its own line, so no line is lost.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger ACCESS = LoggerFactory.getLogger("phaenthi.access");
  private static final int BACKLOG = 65_536;

  private record Line(Object method, String path, int status, float ms, Object cache) {
    void write() {
      ACCESS.info(
          "{} {} {} {}ms{}",
          method,
          path,
          status,
          String.format("%.1f", ms),
          cache == null ? "" : " cache=" + cache);
    }
  }

  private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(BACKLOG);
  private final Thread writer = new Thread(this::drain, "phaenthi-access-log");

  AccessLog() {
    writer.setDaemon(true);
    writer.start();
  }

  void log(Object method, String path, int status, float ms, Object cache) {
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    Line line = new Line(method, path, status, ms, cache);
    if (!queue.offer(line)) {
      line.write();
    }
  }

  private void drain() {
    List<Line> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, 1023);
        batch.forEach(Line::write);
        batch.clear();
      }
    } catch (InterruptedException e) {
      queue.drainTo(batch);
      batch.forEach(Line::write);
    }
  }

  /** Writes what is still queued and stops the writer. */
  @Override
  public void close() {
    writer.interrupt();
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
