package org.phaenthi.boundaries.store;

import java.time.Instant;

/**
 * One line of the admin audit log as stored: who did what, when, with which file (name and
 * SHA-256), how many rows and which publication it made. Fields that do not apply are null.
 */
public record AuditRecord(
    Instant at,
    String who,
    String action,
    String file,
    String sha256,
    Long rows,
    Long publication,
    String detail) {}
