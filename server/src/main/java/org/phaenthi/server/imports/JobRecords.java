package org.phaenthi.server.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.server.ErrorSummary;
import org.phaenthi.server.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's import jobs as the store's records ({@link AdminRecords#saveJob}), so that any node
 * of the store shows a job (phase, progress, report) and can cancel it. The job is written at each
 * phase change and then every {@link #HEARTBEAT} while it has not ended (progress, and the proof
 * that its node lives); each beat also reads the cancel requests other nodes left, and marks as
 * failed ("interrupted") the jobs of any node that stopped writing for {@code stale}. The upload's
 * bytes stay on the node that took them: another node shows the job and where it runs.
 */
public final class JobRecords implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRecords.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  /** A node silent this long is taken as dead; the default of {@code --import-stale-seconds}. */
  public static final Duration STALE = Duration.ofSeconds(10);

  /** Issues of the report copied into the record; the full report downloads from the node. */
  static final int STORED_ISSUES = 200;

  private final AdminRecords records;
  private final String node;
  private final Supplier<String> nodeUrl;
  private final Duration stale;
  private final Map<String, String> views = new ConcurrentHashMap<>();
  private final Map<String, String> saved = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;
  private volatile Function<String, Optional<Publication>> committed = id -> Optional.empty();
  private volatile BiConsumer<JobRecord, Publication> onSettled = (r, p) -> {};

  /**
   * @param records the store's records ({@code null}: this node only, nothing written)
   * @param node this node's id, unique among the nodes of the store
   * @param nodeUrl where this node answers (known once it listens)
   * @param stale how long a node may be silent before its jobs are taken as interrupted
   */
  public JobRecords(AdminRecords records, String node, Supplier<String> nodeUrl, Duration stale) {
    this.records = records;
    this.node = node;
    this.nodeUrl = nodeUrl;
    this.stale = stale;
  }

  /** Jobs of this node only: nothing is written, other nodes see nothing. */
  static JobRecords local() {
    return new JobRecords(null, "local", () -> null, STALE);
  }

  String node() {
    return node;
  }

  String nodeUrl() {
    return nodeUrl.get();
  }

  /**
   * Starts the heartbeat; its first task settles the records a stopped node left ({@link
   * #settleAll}), so a job committed just before a kill is published after the restart whether or
   * not anyone reads it.
   *
   * @param committed the publication a job committed, by the mark in its note ({@link
   *     ImportJobs#committed}); used to settle the record of a job whose node died between the
   *     store's commit and its save of the job as published
   * @param onSettled called once for such a job, before its record is saved as published: writes
   *     the audit entry its node did not get to write ({@link ImportJobs#auditSettled})
   */
  void start(
      Supplier<List<ImportJob>> local,
      Consumer<ImportJob> cancel,
      Function<String, Optional<Publication>> committed,
      BiConsumer<JobRecord, Publication> onSettled) {
    this.committed = committed;
    this.onSettled = onSettled;
    if (records == null) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "import-heartbeat");
              t.setDaemon(true);
              return t;
            });
    ticker.execute(this::settleAll);
    long ms = HEARTBEAT.toMillis();
    ticker.scheduleWithFixedDelay(() -> beat(local.get(), cancel), ms, ms, TimeUnit.MILLISECONDS);
  }

  /** One heartbeat: write the jobs not ended, act on cancel requests, sweep dead nodes' jobs. */
  void beat(List<ImportJob> local, Consumer<ImportJob> cancel) {
    try {
      for (ImportJob j : local) {
        boolean ended;
        synchronized (j) {
          ended = j.phase.terminal() || j.phase == ImportJob.Phase.FAILED;
        }
        if (ended && signature(j).equals(saved.get(j.id))) {
          continue;
        }
        if (!ended && records.job(j.id).map(JobRecord::cancelRequested).orElse(false)) {
          cancel.accept(j); // saves it
          continue;
        }
        save(j);
      }
      int n = records.interruptStale(Instant.now().minus(stale), INTERRUPTED_EN, INTERRUPTED_TH);
      if (n > 0) {
        LOG.warn(
            "{} import job(s) of a node silent for {} s marked interrupted", n, stale.toSeconds());
        settleAll();
      }
    } catch (RuntimeException e) {
      LOG.warn("import job heartbeat failed: {}", ErrorSummary.of(e));
    }
  }

  /**
   * Settles the newest {@value ImportJobs#KEEP} records ({@link #settle}): at start (the embedded
   * store marked a killed process's jobs interrupted when it opened, so no sweep would find them)
   * and after each sweep that marked jobs interrupted. A store that cannot be read is logged.
   */
  void settleAll() {
    try {
      for (JobRecord r : records.jobs(ImportJobs.KEEP)) {
        settle(r);
      }
    } catch (RuntimeException e) {
      LOG.warn("import jobs could not be settled: {}", ErrorSummary.of(e));
    }
  }

  static final String INTERRUPTED_EN = JobRecord.INTERRUPTED_EN;
  static final String INTERRUPTED_TH = JobRecord.INTERRUPTED_TH;

  /** The error of a job its node stopped, cleanly, before the job ended. */
  static final String SHUTDOWN_EN =
      "interrupted: the server running this import was shut down before it ended;"
          + " the map serves the last complete publication. Upload the file again.";

  static final String SHUTDOWN_TH =
      "งานนำเข้าถูกขัดจังหวะ: เซิร์ฟเวอร์ที่ทำงานนี้ถูกปิดก่อนงานเสร็จ"
          + " แผนที่ยังแสดงชุดข้อมูลที่เผยแพร่ครบถ้วนล่าสุด กรุณาอัปโหลดไฟล์อีกครั้ง";

  /**
   * The record as it should be read: a job that was publishing when its node died (silent, or
   * already marked interrupted) but whose publication the store holds is published — its node died
   * after the store's commit and before it saved the job — and is written so, after the audit entry
   * its node did not write ({@code onSettled}, which writes it only if the log lacks it); any other
   * record as it is. Idempotent: a settled record is published and is not settled again; a node
   * stopped between the audit entry and the save finds the entry on its next start and does not
   * write it twice. A store that cannot be read leaves the record as it is.
   */
  synchronized JobRecord settle(JobRecord r) {
    if (records == null || !wasPublishingWhenItsNodeStopped(r)) {
      return r;
    }
    Optional<Publication> made;
    try {
      // another thread of this node, or another node, may have settled it since r was read
      Optional<JobRecord> now = records.job(r.id());
      if (now.isPresent() && !wasPublishingWhenItsNodeStopped(now.get())) {
        return now.get();
      }
      made = committed.apply(r.id());
    } catch (RuntimeException e) {
      return r;
    }
    if (made.isEmpty()) {
      return r;
    }
    long id = made.get().id();
    String view = r.view();
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> v = Json.MAPPER.readValue(r.view(), LinkedHashMap.class);
      v.put("phase", "published");
      v.put("publication", id);
      v.put("publishable", false);
      v.put("error", null);
      view = Json.MAPPER.writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // keep the view as the node wrote it; the phase and publication below are what count
    }
    JobRecord done =
        new JobRecord(
            r.id(),
            r.node(),
            r.nodeUrl(),
            r.who(),
            r.createdAt(),
            "published",
            view,
            r.heartbeatAt(),
            r.cancelRequested(),
            null,
            null);
    try {
      onSettled.accept(r, made.get());
      records.saveJob(done);
      LOG.info(
          "import job {} of node {} committed publication {} before its node stopped: published",
          r.id(),
          r.node(),
          id);
    } catch (RuntimeException e) {
      LOG.warn("import job {} could not be settled in the store: {}", r.id(), e.toString());
    }
    return done;
  }

  private boolean wasPublishingWhenItsNodeStopped(JobRecord r) {
    if (r.phase().equals("publishing")) {
      return silent(r);
    }
    return r.phase().equals("failed")
        && r.errorEn() != null
        && r.errorEn().startsWith("interrupted:")
        && r.view().contains("\"phase\":\"publishing\"");
  }

  /** Writes the job now; a store that cannot be written is logged, the job goes on. */
  void save(ImportJob j) {
    if (records == null) {
      return;
    }
    try {
      JobRecord r;
      String sig;
      synchronized (j) {
        sig = signature(j);
        String view = sig.equals(saved.get(j.id)) ? views.get(j.id) : null;
        if (view == null) {
          view = Json.MAPPER.writeValueAsString(stored(ImportJson.job(j)));
          views.put(j.id, view);
        }
        r =
            new JobRecord(
                j.id,
                node,
                nodeUrl.get(),
                j.who,
                j.createdAt,
                j.phase.wireName(),
                view,
                Instant.now(),
                false,
                j.errorEn,
                j.errorTh);
      }
      records.saveJob(r);
      saved.put(j.id, sig);
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      LOG.warn("import job {} could not be written to the store: {}", j.id, e.toString());
    }
  }

  private static String signature(ImportJob j) {
    synchronized (j) {
      return j.phase
          + "/"
          + j.done
          + "/"
          + j.total
          + "/"
          + (j.upload != null)
          + "/"
          + j.publication
          + "/"
          + j.errorEn;
    }
  }

  /** The view as stored: the report's first {@value #STORED_ISSUES} issues. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> stored(Map<String, Object> view) {
    Object report = view.get("report");
    if (report instanceof Map<?, ?> m && m.get("issues") instanceof List<?> issues) {
      Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) m);
      if (issues.size() > STORED_ISSUES) {
        r.put("issues", issues.subList(0, STORED_ISSUES));
        r.put("issues_shown", STORED_ISSUES);
      }
      view.put("report", r);
    }
    return view;
  }

  Optional<JobRecord> job(String id) {
    return records == null ? Optional.empty() : records.job(id);
  }

  List<JobRecord> jobs(int limit) {
    return records == null ? List.of() : records.jobs(limit);
  }

  boolean requestCancel(String id) {
    return records != null && records.requestCancel(id);
  }

  /** True when the record's node has been silent for longer than {@code stale}. */
  boolean silent(JobRecord r) {
    return !r.ended() && r.heartbeatAt().isBefore(Instant.now().minus(stale));
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
