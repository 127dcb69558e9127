package org.phaenthi.boundaries.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's admin records, as two files in the store directory: {@code tokens.json}
 * (replaced atomically, like the publication history) and {@code audit.jsonl} (one JSON entry per
 * line, appended and forced to disk; a line torn by a crash is skipped when read). Writers take the
 * file lock {@code admin.lock}, not the store's own lock, so the command line can create or revoke
 * a token while a server has the store open; the server re-reads the files. Import jobs are one
 * file each in {@code jobs/} ({@code <id>.json}, replaced atomically), the newest {@value
 * #KEEP_JOBS} kept.
 */
public final class EmbeddedAdminRecords implements AdminRecords {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAdminRecords.class);
  static final String TOKENS = "tokens.json";
  static final String AUDIT = "audit.jsonl";
  static final String JOBS = "jobs";

  /** Job records kept; older ones are deleted when a new job is saved. */
  static final int KEEP_JOBS = 200;

  /** One monitor per directory: a JVM cannot hold two file locks on one file. */
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Object monitor;

  /** Opens (creating the directory if needed) the admin records of the store at {@code dir}. */
  public EmbeddedAdminRecords(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + this.dir + ": " + e.getMessage(), e);
    }
    this.monitor = MONITORS.computeIfAbsent(this.dir, d -> new Object());
  }

  record TokenJson(
      String id, String name, String scope, String hash, String createdAt, String revokedAt) {
    static TokenJson of(TokenRecord t) {
      return new TokenJson(
          t.id(),
          t.name(),
          t.scope(),
          t.hash(),
          t.createdAt().toString(),
          t.revokedAt() == null ? null : t.revokedAt().toString());
    }

    TokenRecord record() {
      return new TokenRecord(
          id,
          name,
          scope,
          hash,
          Instant.parse(createdAt),
          revokedAt == null ? null : Instant.parse(revokedAt));
    }
  }

  record AuditJson(
      String at,
      String who,
      String action,
      String file,
      String sha256,
      Long rows,
      Long publication,
      String detail) {
    static AuditJson of(AuditRecord e) {
      return new AuditJson(
          e.at().toString(),
          e.who(),
          e.action(),
          e.file(),
          e.sha256(),
          e.rows(),
          e.publication(),
          e.detail());
    }

    AuditRecord record() {
      return new AuditRecord(
          Instant.parse(at), who, action, file, sha256, rows, publication, detail);
    }
  }

  record JobJson(
      String id,
      String node,
      String nodeUrl,
      String who,
      String createdAt,
      String phase,
      String view,
      String heartbeatAt,
      boolean cancelRequested,
      String errorEn,
      String errorTh) {
    static JobJson of(JobRecord j) {
      return new JobJson(
          j.id(),
          j.node(),
          j.nodeUrl(),
          j.who(),
          j.createdAt().toString(),
          j.phase(),
          j.view(),
          j.heartbeatAt().toString(),
          j.cancelRequested(),
          j.errorEn(),
          j.errorTh());
    }

    JobRecord record() {
      return new JobRecord(
          id,
          node,
          nodeUrl,
          who,
          Instant.parse(createdAt),
          phase,
          view,
          Instant.parse(heartbeatAt),
          cancelRequested,
          errorEn,
          errorTh);
    }
  }

  @Override
  public List<TokenRecord> tokens() {
    try {
      return readTokens();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dir.resolve(TOKENS) + ": " + e, e);
    }
  }

  private List<TokenRecord> readTokens() throws IOException {
    Path f = dir.resolve(TOKENS);
    if (!Files.exists(f)) {
      return List.of();
    }
    List<TokenJson> list =
        PartCodec.read(
            Files.readString(f, StandardCharsets.UTF_8), new TypeReference<List<TokenJson>>() {});
    return list.stream().map(TokenJson::record).toList();
  }

  private void writeTokens(List<TokenRecord> tokens) throws IOException {
    byte[] json =
        PartCodec.json(tokens.stream().map(TokenJson::of).toList())
            .getBytes(StandardCharsets.UTF_8);
    PartFiles.writeAtomically(dir.resolve(TOKENS), out -> out.write(json));
  }

  @Override
  public void addToken(TokenRecord token) {
    locked(
        () -> {
          List<TokenRecord> all = new ArrayList<>(readTokens());
          all.add(AdminRecordRules.checkNew(all, token));
          writeTokens(all);
          return null;
        });
  }

  @Override
  public Optional<TokenRecord> revokeToken(String name, Instant at) {
    return locked(
        () -> {
          List<TokenRecord> all = new ArrayList<>(readTokens());
          for (int i = 0; i < all.size(); i++) {
            TokenRecord t = all.get(i);
            if (t.name().equals(name) && !t.revoked()) {
              TokenRecord r = AdminRecordRules.revoked(t, at);
              all.set(i, r);
              writeTokens(all);
              return Optional.of(r);
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public void audit(AuditRecord entry) {
    locked(
        () -> {
          append(entry);
          return null;
        });
  }

  @Override
  public boolean auditOnce(AuditRecord entry) {
    AdminRecordRules.requirePublication(entry);
    return locked(
        () -> {
          if (AdminRecordRules.hasEntryLike(readAudit(), entry)) {
            return false;
          }
          append(entry);
          return true;
        });
  }

  /** Appends one line to the audit file and forces it to disk; the caller holds the lock. */
  private void append(AuditRecord entry) throws IOException {
    byte[] line = (PartCodec.json(AuditJson.of(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(
            dir.resolve(AUDIT),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  @Override
  public List<AuditRecord> audit(int limit, String who) {
    return AdminRecordRules.newestFirst(readAudit(), limit, who);
  }

  /** Every readable line of the audit file, oldest first. */
  private List<AuditRecord> readAudit() {
    Path f = dir.resolve(AUDIT);
    if (!Files.exists(f)) {
      return List.of();
    }
    List<AuditRecord> all = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          all.add(PartCodec.read(line, AuditJson.class).record());
        } catch (RuntimeException e) {
          // a line torn by a crash while it was appended
          LOG.warn("skipping an unreadable line of {}", f);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
    }
    return all;
  }

  private static boolean validJobId(String id) {
    return id.matches("[A-Za-z0-9_-]{1,64}");
  }

  private Path jobFile(String id) {
    if (!validJobId(id)) {
      throw new IllegalArgumentException("not a job id: " + id);
    }
    return dir.resolve(JOBS).resolve(id + ".json");
  }

  private Optional<JobRecord> readJob(Path f) {
    try {
      return Optional.of(
          PartCodec.read(Files.readString(f, StandardCharsets.UTF_8), JobJson.class).record());
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // replaced atomically, so only a file written by hand can be unreadable
      LOG.warn("skipping the unreadable job record {}: {}", f, e.toString());
      return Optional.empty();
    }
  }

  private void writeJob(JobRecord j) throws IOException {
    byte[] json = PartCodec.json(JobJson.of(j)).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve(JOBS));
    PartFiles.writeAtomically(jobFile(j.id()), out -> out.write(json));
  }

  private List<JobRecord> allJobs() {
    Path d = dir.resolve(JOBS);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    List<JobRecord> out = new ArrayList<>();
    try (var files = Files.list(d)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path name = f.getFileName(); // never null for an entry of a directory listing
        String n = name == null ? "" : name.toString();
        if (n.endsWith(".json") && !n.contains(".tmp-")) {
          readJob(f).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + d + ": " + e.getMessage(), e);
    }
    out.sort(AdminRecordRules.NEWEST_FIRST);
    return out;
  }

  @Override
  public void saveJob(JobRecord job) {
    locked(
        () -> {
          Path f = jobFile(job.id());
          boolean isNew = !Files.exists(f);
          writeJob(AdminRecordRules.merge(readJob(f).orElse(null), job));
          if (isNew) {
            List<JobRecord> all = allJobs();
            for (JobRecord old : all.subList(Math.min(KEEP_JOBS, all.size()), all.size())) {
              Files.deleteIfExists(jobFile(old.id()));
            }
          }
          return null;
        });
  }

  @Override
  public Optional<JobRecord> job(String id) {
    return validJobId(id) ? readJob(jobFile(id)) : Optional.empty();
  }

  @Override
  public List<JobRecord> jobs(int limit) {
    List<JobRecord> all = allJobs();
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public boolean requestCancel(String id) {
    if (!validJobId(id)) {
      return false;
    }
    return locked(
        () -> {
          Optional<JobRecord> j = readJob(jobFile(id));
          if (j.isEmpty() || j.get().ended()) {
            return false;
          }
          writeJob(j.get().withCancelRequest());
          return true;
        });
  }

  @Override
  public int interruptStale(Instant heartbeatBefore, String errorEn, String errorTh) {
    return locked(
        () -> {
          int n = 0;
          for (JobRecord j : allJobs()) {
            if (AdminRecordRules.stale(j, heartbeatBefore)) {
              writeJob(j.interrupted(errorEn, errorTh));
              n++;
            }
          }
          return n;
        });
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  private <T> T locked(Io<T> body) {
    synchronized (monitor) {
      try (FileChannel ch =
              FileChannel.open(
                  dir.resolve("admin.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        return body.run();
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot write the admin records in " + dir + ": " + e.getMessage(), e);
      }
    }
  }
}
