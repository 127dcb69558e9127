package org.phaenthi.server.admin;

import java.util.List;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log kept in the store (both kinds), each entry also written to the server log. */
public final class StoredAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger("phaenthi.audit");
  private final AdminRecords records;

  public StoredAuditLog(AdminRecords records) {
    this.records = records;
  }

  @Override
  public void record(AuditEntry e) {
    log(e, "");
    try {
      records.audit(stored(e));
    } catch (RuntimeException ex) {
      // the action is done; failing its request now would only hide that it happened
      LOG.error("the audit entry above could not be stored: {}", ex.getMessage());
    }
  }

  @Override
  public boolean recordOnce(AuditEntry e) {
    try {
      boolean written = records.auditOnce(stored(e));
      log(e, written ? "" : " (logged already: not written again)");
      return written;
    } catch (RuntimeException ex) {
      log(e, "");
      LOG.error("the audit entry above could not be stored: {}", ex.getMessage());
      return false;
    }
  }

  private static void log(AuditEntry e, String note) {
    LOG.info(
        "{} {} file={} sha256={} rows={} publication={} {}{}",
        e.who(),
        e.action(),
        e.file(),
        e.sha256(),
        e.rows(),
        e.publication(),
        e.detail() == null ? "" : e.detail(),
        note);
  }

  private static AuditRecord stored(AuditEntry e) {
    return new AuditRecord(
        e.at(), e.who(), e.action(), e.file(), e.sha256(), e.rows(), e.publication(), e.detail());
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return recent(limit, null);
  }

  @Override
  public List<AuditEntry> recent(int limit, String who) {
    return records.audit(limit, who).stream()
        .map(
            r ->
                new AuditEntry(
                    r.at(),
                    r.who(),
                    r.action(),
                    r.file(),
                    r.sha256(),
                    r.rows(),
                    r.publication(),
                    r.detail()))
        .toList();
  }
}
