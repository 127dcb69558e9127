package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A build nobody waits for stops: one client gone cancels its build; of two clients sharing one
 * build, the first going leaves it running for the second, and the second going cancels it.
 */
class ExportSpoolCancelTest {
  private final ExportSpool spool = new ExportSpool(1 << 20);
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicBoolean finish = new AtomicBoolean();
  private final AtomicBoolean sawCancel = new AtomicBoolean();
  private final CountDownLatch started = new CountDownLatch(1);

  @AfterEach
  void close() {
    spool.close();
  }

  /** Works in steps until told to finish, stopping when its clients have all gone. */
  private void slowBuild(Path file, java.util.function.BooleanSupplier cancelled)
      throws java.io.IOException {
    started.countDown();
    while (!finish.get()) {
      if (cancelled.getAsBoolean()) {
        sawCancel.set(true);
        throw new ExportSpool.Cancelled();
      }
      steps.incrementAndGet();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new java.io.IOException(e);
      }
    }
    Files.writeString(file, "done");
  }

  private CompletableFuture<String> client(AtomicBoolean gone) {
    return CompletableFuture.supplyAsync(
        () -> {
          AtomicReference<String> got = new AtomicReference<>();
          try {
            spool.use("k", this::slowBuild, f -> got.set(Files.readString(f)), gone::get);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return got.get();
        });
  }

  private static Throwable failure(CompletableFuture<String> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause().getCause();
    }
  }

  @Test
  void theOnlyClientGoingCancelsTheBuild() throws Exception {
    AtomicBoolean gone = new AtomicBoolean();
    CompletableFuture<String> a = client(gone);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    gone.set(true);
    assertInstanceOf(ExportSpool.Cancelled.class, failure(a));
    assertTrue(sawCancel.get(), "the builder was told");
    int at = steps.get();
    Thread.sleep(100);
    assertEquals(at, steps.get(), "no work after the cancel");
    assertFalse(spool.ready("k"), "nothing kept");
    assertEquals(0, spool.waiting("k"));
    try (var files = Files.list(spool.directory())) {
      assertEquals(0, files.count(), "the part-built file is deleted");
    }
  }

  @Test
  void aSharedBuildRunsWhileOneClientRemains() throws Exception {
    AtomicBoolean goneA = new AtomicBoolean();
    AtomicBoolean goneB = new AtomicBoolean();
    CompletableFuture<String> a = client(goneA);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    CompletableFuture<String> b = client(goneB);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (spool.waiting("k") < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(2, spool.waiting("k"), "both wait for the one build");
    goneA.set(true);
    int at = steps.get();
    Thread.sleep(150);
    assertTrue(steps.get() > at + 5, "still building for the client that waits");
    assertFalse(sawCancel.get());
    goneB.set(true);
    assertInstanceOf(ExportSpool.Cancelled.class, failure(b));
    assertInstanceOf(ExportSpool.Cancelled.class, failure(a));
    assertTrue(sawCancel.get());
    assertEquals(1, spool.builds(), "one build for both");
  }

  @Test
  void aSharedBuildFinishesForTheClientThatStayed() throws Exception {
    AtomicBoolean goneA = new AtomicBoolean();
    AtomicBoolean goneB = new AtomicBoolean();
    CompletableFuture<String> a = client(goneA);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    CompletableFuture<String> b = client(goneB);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (spool.waiting("k") < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    goneA.set(true);
    Thread.sleep(50);
    finish.set(true);
    assertEquals("done", b.get(10, TimeUnit.SECONDS));
    assertFalse(sawCancel.get());
    assertTrue(spool.ready("k"), "kept for the next request");
    a.handle((v, e) -> null).get(10, TimeUnit.SECONDS);
  }
}
