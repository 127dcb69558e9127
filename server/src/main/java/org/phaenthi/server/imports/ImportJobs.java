package org.phaenthi.server.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.load.CodeRemapReader;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.imports.Detector;
import org.phaenthi.imports.ImportException;
import org.phaenthi.imports.Importer;
import org.phaenthi.imports.Overrides;
import org.phaenthi.imports.Table;
import org.phaenthi.imports.Upload;
import org.phaenthi.imports.Validator;
import org.phaenthi.server.ErrorSummary;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.admin.AuditEntry;
import org.phaenthi.server.admin.AuditLog;
import org.phaenthi.server.admin.Principal;
import org.phaenthi.server.cluster.VersionFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import jobs of this node: each upload is read, detected and validated on one background
 * thread (so two cores are not swamped), then waits in {@code ready}; publishing claims the store's
 * import right ({@link Store#tryClaimImport}), merges the upload over the served publication and
 * publishes it in one transaction ({@link Store#publish}), then swaps what is served. Nothing
 * served changes before {@code published}: a cancel, a failure or a crash before the store's commit
 * leaves the previous publication served. The newest {@value #KEEP} jobs are kept.
 */
public final class ImportJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
  static final int KEEP = 32;

  private final Store store;
  private final LiveData live;
  private final VersionFollower follower;
  private final AuditLog audit;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "import-jobs");
            t.setDaemon(true);
            return t;
          });
  private final ExecutorService publisher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "import-publish");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
  private final AtomicBoolean publishing = new AtomicBoolean();
  private final JobRecords records;

  /** Jobs kept on this node only (tests). */
  public ImportJobs(Store store, LiveData live, VersionFollower follower, AuditLog audit) {
    this(store, live, follower, audit, JobRecords.local());
  }

  /** Jobs also written to the store's records, so every node shows them ({@link JobRecords}). */
  public ImportJobs(
      Store store, LiveData live, VersionFollower follower, AuditLog audit, JobRecords records) {
    this.store = store;
    this.live = live;
    this.follower = follower;
    this.audit = audit;
    this.records = records;
    records.start(this::local, this::cancelRequested, this::committed, this::auditSettled);
  }

  /** The jobs this node runs, for {@link JobRecords}' heartbeat. */
  private List<ImportJob> local() {
    synchronized (jobs) {
      return List.copyOf(jobs.values());
    }
  }

  private void cancelRequested(ImportJob job) {
    LOG.info("import job {} cancelled at the request of another node", job.id);
    cancel(job, new Principal(job.who, job.scope));
  }

  /** The store's records of jobs, this node's and other nodes'. */
  JobRecords records() {
    return records;
  }

  /** The remaps of the served boundary vintage; none for boundaries of no known vintage. */
  static CodeRemaps remaps(Dataset current) {
    try {
      return CodeRemapReader.forVintage(current.boundarySet().vintage());
    } catch (IllegalArgumentException e) {
      return CodeRemaps.NONE;
    }
  }

  /** Starts a job for an uploaded file. */
  ImportJob submit(Principal who, String fileName, byte[] bytes, Overrides overrides) {
    ImportJob job =
        new ImportJob(
            UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            who.name(),
            who.scope(),
            Instant.now(),
            fileName,
            bytes,
            sha256(bytes),
            overrides);
    synchronized (jobs) {
      jobs.put(job.id, job);
      while (jobs.size() > KEEP) {
        jobs.remove(jobs.keySet().iterator().next());
      }
    }
    audit.record(
        new AuditEntry(
            Instant.now(),
            who.name(),
            "upload",
            fileName,
            job.sha256,
            null,
            null,
            bytes.length + " bytes"));
    records.save(job);
    run(job);
    return job;
  }

  Optional<ImportJob> get(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  /** Newest first. */
  List<ImportJob> list() {
    synchronized (jobs) {
      List<ImportJob> out = new ArrayList<>(jobs.values());
      java.util.Collections.reverse(out);
      return out;
    }
  }

  /** Re-reads and re-validates with new overrides; false when the job is past changing. */
  boolean revalidate(ImportJob job, Overrides overrides) {
    synchronized (job) {
      if (job.phase.terminal() || job.phase == ImportJob.Phase.PUBLISHING || job.bytes == null) {
        return false;
      }
      job.stop.set(true);
      job.stop = new AtomicBoolean();
      job.overrides = overrides;
      job.phase = ImportJob.Phase.READING;
      job.errorEn = null;
      job.errorTh = null;
      job.upload = null;
    }
    run(job);
    return true;
  }

  /** Cancels; false when it was already published (then nothing is undone). */
  boolean cancel(ImportJob job, Principal who) {
    synchronized (job) {
      if (job.phase == ImportJob.Phase.PUBLISHED || job.phase == ImportJob.Phase.CANCELLED) {
        return job.phase == ImportJob.Phase.CANCELLED;
      }
      job.stop.set(true);
      if (job.phase != ImportJob.Phase.PUBLISHING) {
        job.phase = ImportJob.Phase.CANCELLED;
        job.bytes = null;
      }
    }
    audit.record(
        new AuditEntry(
            Instant.now(),
            who.name(),
            "cancel import",
            job.fileName,
            job.sha256,
            null,
            null,
            job.id));
    records.save(job);
    return true;
  }

  private void run(ImportJob job) {
    AtomicBoolean stop = job.stop;
    worker.execute(() -> validate(job, stop));
  }

  private void validate(ImportJob job, AtomicBoolean stop) {
    try {
      byte[] bytes;
      Overrides o;
      synchronized (job) {
        if (stop.get()) {
          return;
        }
        bytes = job.bytes;
        o = job.overrides;
      }
      TestPause.at("reading", job.id);
      Table t = Importer.read(bytes, job.fileName, o);
      Detector.Detection d;
      synchronized (job) {
        if (stop.get()) {
          return;
        }
        job.table = t;
        job.phase = ImportJob.Phase.DETECTING;
      }
      d = Importer.detect(t, o);
      synchronized (job) {
        if (stop.get()) {
          return;
        }
        job.detection = d;
        job.total = Validator.dataRows(t, d);
        job.done = 0;
        job.phase = ImportJob.Phase.VALIDATING;
      }
      Dataset current = live.snapshot().dataset();
      Upload u =
          Importer.validate(
              t,
              d,
              new Validator.Context(current, remaps(current), job.scope),
              n -> {
                synchronized (job) {
                  job.done = n;
                }
                if (n > 0) {
                  TestPause.at("validating", job.id);
                }
              },
              stop::get);
      synchronized (job) {
        if (stop.get()) {
          return;
        }
        job.upload = u;
        job.done = job.total;
        job.phase = ImportJob.Phase.READY;
      }
      records.save(job);
    } catch (CancellationException e) {
      // cancelled or superseded by a re-validation: the canceller set the phase
    } catch (ImportException e) {
      fail(job, stop, e.getMessage(), e.messageTh());
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.warn("import job {} ({}) failed: {}", job.id, job.fileName, ErrorSummary.of(e));
      LOG.debug("import job failure", e);
      fail(job, stop, "the file could not be read: " + ErrorSummary.of(e), "อ่านไฟล์ไม่ได้");
    }
  }

  private void fail(ImportJob job, AtomicBoolean stop, String en, String th) {
    synchronized (job) {
      if (!stop.get()) {
        job.phase = ImportJob.Phase.FAILED;
        job.errorEn = en;
        job.errorTh = th;
      }
    }
    records.save(job);
  }

  /** Why a publish cannot start, as an HTTP status and message; null when it started. */
  record Refusal(int status, String message, String messageTh) {
    Refusal(int status, String message) {
      this(status, message, null);
    }
  }

  /** Rows named in a 403 for rows outside the token's province. */
  static final int NAMED_ROWS = 5;

  private static final java.util.regex.Pattern OUTSIDE_CODE =
      java.util.regex.Pattern.compile("area (\\S+) is outside");

  /**
   * The 403 for an upload with rows outside the principal's province, naming how many and the first
   * {@value #NAMED_ROWS} (row number and code), in English and Thai; null when there are none. The
   * validator reports each such row as an error ({@code outside_scope}), so the report shows them
   * all; this says at publish why it is refused rather than "the report has errors".
   */
  static Refusal outsideScope(Upload u, Principal who) {
    Integer count = u.report().byKind().get("outside_scope");
    if (count == null || count == 0) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (org.phaenthi.imports.Issue i : u.report().issues()) {
      if (named.size() == NAMED_ROWS) {
        break;
      }
      if (i.kind().equals("outside_scope") && i.row() != null) {
        var m = OUTSIDE_CODE.matcher(i.messageEn());
        named.add(i.row() + (m.find() ? " (" + m.group(1) + ")" : ""));
      }
    }
    String list = String.join(", ", named) + (count > named.size() ? ", …" : "");
    return new Refusal(
        403,
        "'"
            + who.name()
            + "' may publish rows of province "
            + who.scope()
            + " only: "
            + count
            + (count == 1 ? " row is" : " rows are")
            + " outside province "
            + who.scope()
            + " (row "
            + list
            + "); remove them or publish with a token of their province",
        "โทเค็น '"
            + who.name()
            + "' เผยแพร่ได้เฉพาะข้อมูลของจังหวัด "
            + who.scope()
            + ": มี "
            + count
            + " แถวที่อยู่นอกจังหวัด "
            + who.scope()
            + " (แถว "
            + list
            + ") ลบแถวเหล่านั้นออก หรือเผยแพร่ด้วยโทเค็นของจังหวัดนั้น");
  }

  /**
   * Starts publishing a ready job (in the background; {@code waitMillis} waits for it to end).
   * Refused with 403 when the upload has rows outside the principal's province, 409 when the report
   * has errors, the job is not ready, or another import publishes.
   */
  Refusal publish(ImportJob job, Principal who, String note, long waitMillis) {
    Upload u;
    synchronized (job) {
      u = job.upload;
      if (u != null && !who.isAll()) {
        List<String> outside = u.provinces().stream().filter(p -> !who.covers(p)).sorted().toList();
        if (!outside.isEmpty()
            || job.upload.detection().format() == org.phaenthi.imports.Format.INDICATORS) {
          return new Refusal(
              403,
              outside.isEmpty()
                  ? "indicator definitions need a token of scope 'all'"
                  : "'"
                      + who.name()
                      + "' may publish rows of province "
                      + who.scope()
                      + " only; the file has rows of "
                      + String.join(", ", outside));
        }
        Refusal outsideRows = outsideScope(u, who);
        if (outsideRows != null) {
          return outsideRows;
        }
      }
      if (job.phase != ImportJob.Phase.READY) {
        return new Refusal(409, "the import is " + job.phase.wireName() + ", not ready to publish");
      }
      if (!u.publishable()) {
        return new Refusal(
            409,
            "the report has " + u.report().errors() + " errors; fix the file or the mapping first");
      }
      if (!publishing.compareAndSet(false, true)) {
        return new Refusal(
            409, "another import is publishing on this node; try again when it ends");
      }
      job.phase = ImportJob.Phase.PUBLISHING;
    }
    Optional<Store.ImportClaim> claim;
    try {
      claim = store.tryClaimImport();
    } catch (IllegalStateException e) {
      claim = Optional.empty();
    }
    if (claim.isEmpty()) {
      publishing.set(false);
      synchronized (job) {
        job.phase = ImportJob.Phase.READY;
      }
      return new Refusal(
          409, "an import is publishing on another node of this store; try again when it ends");
    }
    Store.ImportClaim held = claim.get();
    records.save(job);
    AtomicBoolean stop = job.stop;
    var done =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> publishNow(job, u, who, note, held, stop), publisher);
    try {
      done.get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // still publishing: the client polls the job
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // recorded on the job
    }
    return null;
  }

  private void publishNow(
      ImportJob job,
      Upload u,
      Principal who,
      String note,
      Store.ImportClaim claim,
      AtomicBoolean stop) {
    Publication[] made = new Publication[1];
    try (claim) {
      Dataset current = live.snapshot().dataset();
      String full =
          (note == null || note.isBlank() ? "upload " + job.fileName : note.trim())
              + " [file "
              + job.fileName
              + ", sha256 "
              + job.sha256.substring(0, 12)
              + ", "
              + u.rows()
              + " rows; report: "
              + u.report().summary()
              + committing(job.id)
              + "]";
      TestPause.at("drafting", job.id);
      Draft draft = Importer.draft(current, u, who.name(), full);
      TestPause.at("before-commit", job.id);
      if (stop.get()) {
        synchronized (job) {
          job.phase = ImportJob.Phase.CANCELLED;
          job.bytes = null;
        }
        records.save(job);
        return;
      }
      follower.publishAndServe(
          () -> {
            made[0] = store.publish(draft);
            TestPause.at("after-commit", job.id);
            return made[0];
          });
      published(job, who, u, made[0]);
      LOG.info("import job {} published {} as publication {}", job.id, job.fileName, made[0].id());
    } catch (RuntimeException e) {
      String why = ErrorSummary.of(e);
      if (made[0] != null) {
        // the store committed and what came after failed (loading it back): it is published, and
        // the follower or the next start serves it
        LOG.warn(
            "import job {} published {} but serving it here failed: {}", job.id, made[0].id(), why);
        published(job, who, u, made[0]);
        return;
      }
      LOG.warn("import job {} failed to publish, nothing changed: {}", job.id, why);
      LOG.debug("publish failure", e);
      synchronized (job) {
        job.phase = ImportJob.Phase.FAILED;
        job.errorEn = PUBLISH_FAILED_EN + reason(why);
        job.errorTh = PUBLISH_FAILED_TH;
      }
      records.save(job);
    } finally {
      publishing.set(false);
    }
  }

  /** The job is published as {@code made}: its record saved and the audit entry written. */
  private void published(ImportJob job, Principal who, Upload u, Publication made) {
    synchronized (job) {
      job.publication = made.id();
      job.phase = ImportJob.Phase.PUBLISHED;
      job.bytes = null;
    }
    audit.record(
        new AuditEntry(
            Instant.now(),
            who.name(),
            "publish upload",
            job.fileName,
            job.sha256,
            (long) u.rows(),
            made.id(),
            u.report().summary()));
    records.save(job);
  }

  /**
   * The audit entry of a job whose node died between the store's commit and its save of the job
   * ({@link JobRecords#settle}): the entry {@link #published} would have written, dated when the
   * publication was made and by whom, from the job's record; written only if the log has no {@code
   * publish upload} entry for that publication yet ({@link AuditLog#recordOnce}, atomic across the
   * nodes of a store), so a second settle (a node stopped between this entry and the record's save,
   * or another node settling the same job at the same time) does not write it twice.
   */
  void auditSettled(JobRecord r, Publication made) {
    JsonNode v;
    try {
      v = Json.MAPPER.readTree(r.view());
    } catch (java.io.IOException e) {
      v = Json.MAPPER.createObjectNode();
    }
    JsonNode file = v.path("file");
    JsonNode report = v.path("report");
    String summary =
        report.isObject()
            ? report.path("errors").asLong()
                + " errors, "
                + report.path("warnings").asLong()
                + " warnings"
                + byKind(report.path("by_kind"))
            : "report not recorded";
    audit.recordOnce( // once, even when two nodes settle the job at the same time
        new AuditEntry(
            made.publishedAt(),
            made.who(),
            "publish upload",
            file.path("name").isTextual() ? file.path("name").asText() : null,
            file.path("sha256").isTextual() ? file.path("sha256").asText() : null,
            v.path("rows").isNumber() ? v.path("rows").asLong() : null,
            made.id(),
            summary
                + "; recorded after a restart: the node that ran job "
                + r.id()
                + " stopped after the store's commit"));
  }

  /** The report's counts by kind as {@code Report.summary} writes them (sorted, or nothing). */
  private static String byKind(JsonNode kinds) {
    if (!kinds.isObject() || kinds.isEmpty()) {
      return "";
    }
    java.util.TreeMap<String, Long> sorted = new java.util.TreeMap<>();
    kinds.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asLong()));
    return " " + sorted;
  }

  static final String PUBLISH_FAILED_EN =
      "publishing failed and nothing changed: the map still serves the previous publication."
          + " Publish again; if it fails again, ask the server's administrator. Cause: ";
  static final String PUBLISH_FAILED_TH =
      "เผยแพร่ไม่สำเร็จ ข้อมูลที่ให้บริการไม่เปลี่ยนแปลง แผนที่ยังแสดงชุดข้อมูลที่เผยแพร่ล่าสุด"
          + " กรุณาเผยแพร่อีกครั้ง หากยังไม่สำเร็จ โปรดแจ้งผู้ดูแลเซิร์ฟเวอร์";

  /**
   * The cause of a failed publish in words for the person who uploaded: what the store said, with
   * the store's own wrapping ("publishing failed and nothing changed…") dropped, since the job's
   * message says that already. {@link ErrorSummary} has removed any statement text.
   */
  static String reason(String why) {
    String s = why.replaceFirst("^publishing failed and nothing changed[^:]*: ", "");
    if (s.contains("terminating connection") || s.contains("An I/O error occurred")) {
      return "the connection to the database was cut while publishing (" + s + ")";
    }
    return s;
  }

  /**
   * The mark of the job in the note of the publication it commits ({@code …; job ID]}). The store
   * gives the publication its id inside the commit, so the id cannot be written down before; the
   * mark is written with the publication in the same transaction, so a publication carrying it is
   * proof the job committed even when its node died before it saved the job as published.
   */
  static String committing(String jobId) {
    return "; job " + jobId;
  }

  /** The publication the job committed, found by its mark ({@link #committing}); empty if none. */
  Optional<Publication> committed(String jobId) {
    String mark = committing(jobId) + "]";
    try {
      List<Publication> all = store.publications();
      for (int i = all.size() - 1; i >= 0; i--) {
        Publication p = all.get(i);
        if (p.note() != null && p.note().endsWith(mark)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the publications to settle job " + jobId + ": " + ErrorSummary.of(e), e);
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How long a shutdown waits for a publish under way to commit or fail on its own. */
  static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  /**
   * Stops the jobs: validations stop at once; a publish under way gets {@value
   * #SHUTDOWN_WAIT_MILLIS} ms to commit or fail (the store's transaction decides, not the
   * shutdown); it saves its own outcome. Then every other job of this node that has not ended
   * (reading, validating, ready: its upload's bytes die with the process) is saved as interrupted
   * at once, so other nodes and the next start show it without waiting for {@code
   * --import-stale-seconds}.
   */
  @Override
  public void close() {
    records.close();
    List<ImportJob> mine = local();
    for (ImportJob j : mine) {
      synchronized (j) {
        if (j.phase != ImportJob.Phase.PUBLISHING) {
          j.stop.set(true);
        }
      }
    }
    worker.shutdownNow();
    publisher.shutdown();
    try {
      if (!publisher.awaitTermination(
          SHUTDOWN_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        publisher.shutdownNow();
      }
    } catch (InterruptedException e) {
      publisher.shutdownNow();
      Thread.currentThread().interrupt();
    }
    int n = 0;
    for (ImportJob j : mine) {
      if (interruptAtShutdown(j)) {
        records.save(j);
        n++;
      }
    }
    if (n > 0) {
      LOG.warn("{} import job(s) not ended at shutdown saved as interrupted", n);
    }
  }

  /**
   * Marks the job as the shutdown leaves it; false when it had ended already, or when its publish
   * still runs after the wait: then whether it commits is the store's to say, so the record stays
   * {@code publishing} and the stale sweep settles it ({@link JobRecords#settle}: published if the
   * store holds its publication, else interrupted).
   */
  private boolean interruptAtShutdown(ImportJob j) {
    synchronized (j) {
      if (j.phase.terminal()
          || j.phase == ImportJob.Phase.FAILED
          || j.phase == ImportJob.Phase.PUBLISHING) {
        return false;
      }
      j.phase = ImportJob.Phase.FAILED;
      j.errorEn = JobRecords.SHUTDOWN_EN;
      j.errorTh = JobRecords.SHUTDOWN_TH;
      j.bytes = null;
    }
    return true;
  }
}
