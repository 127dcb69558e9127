package org.phaenthi.server.admin;

import java.util.List;

/** Where admin actions are recorded; {@code GET /admin/api/audit} reads it. */
public interface AuditLog {
  void record(AuditEntry entry);

  /**
   * Records the entry unless the log holds one of the same action and publication (true when it was
   * recorded); atomic across the nodes of one store ({@code AdminRecords#auditOnce}).
   */
  boolean recordOnce(AuditEntry entry);

  /** The newest entries first, at most {@code limit}. */
  List<AuditEntry> recent(int limit);

  /** The newest entries of {@code who} first (every entry when null), at most {@code limit}. */
  default List<AuditEntry> recent(int limit, String who) {
    if (who == null) {
      return recent(limit);
    }
    return recent(Integer.MAX_VALUE).stream()
        .filter(e -> who.equals(e.who()))
        .limit(limit)
        .toList();
  }
}
