package org.phaenthi.server.admin;

import java.util.List;

/** Where admin actions are recorded; {@code GET /admin/api/audit} reads it. */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The newest entries first, at most {@code limit}. */
  List<AuditEntry> recent(int limit);
}
