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
 * a token while a server has the store open; the server re-reads the files.
 */
public final class EmbeddedAdminRecords implements AdminRecords {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAdminRecords.class);
  static final String TOKENS = "tokens.json";
  static final String AUDIT = "audit.jsonl";

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
    byte[] line = (PartCodec.json(AuditJson.of(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
    locked(
        () -> {
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
          return null;
        });
  }

  @Override
  public List<AuditRecord> audit(int limit, String who) {
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
    return AdminRecordRules.newestFirst(all, limit, who);
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
