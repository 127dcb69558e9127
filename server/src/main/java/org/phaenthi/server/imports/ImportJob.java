package org.phaenthi.server.imports;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phaenthi.imports.Detector;
import org.phaenthi.imports.Overrides;
import org.phaenthi.imports.Table;
import org.phaenthi.imports.Upload;

/**
 * One upload on this node and where it is: phase, rows done of total, what was detected, the
 * report, and the publication it made. Mutated only by {@link ImportJobs} under the job's lock;
 * read as a snapshot by {@link ImportJson}.
 */
final class ImportJob {
  enum Phase {
    READING,
    DETECTING,
    VALIDATING,
    READY,
    PUBLISHING,
    PUBLISHED,
    FAILED,
    CANCELLED;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean terminal() {
      return this == PUBLISHED || this == CANCELLED;
    }
  }

  final String id;
  final String who;
  final String scope;
  final Instant createdAt;
  final String fileName;
  final long fileBytes;
  final String sha256;
  byte[] bytes;
  Phase phase = Phase.READING;
  int done;
  int total;
  Overrides overrides;
  Table table;
  Detector.Detection detection;
  Upload upload;
  Long publication;
  String errorEn;
  String errorTh;

  /** Raised by a cancel or a re-validation; the running step stops at its next check. */
  AtomicBoolean stop = new AtomicBoolean();

  ImportJob(
      String id,
      String who,
      String scope,
      Instant createdAt,
      String fileName,
      byte[] bytes,
      String sha256,
      Overrides overrides) {
    this.id = id;
    this.who = who;
    this.scope = scope;
    this.createdAt = createdAt;
    this.fileName = fileName;
    this.bytes = bytes;
    this.fileBytes = bytes.length;
    this.sha256 = sha256;
    this.overrides = overrides;
  }

  boolean publishable() {
    return phase == Phase.READY && upload != null && upload.publishable();
  }
}
