package org.phaenthi.server.admin;

import java.util.List;

/** Where admin actions are recorded; {@code GET /admin/api/audit} reads it. */
public interface AuditLog {
  void record(AuditEntry entry);

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
