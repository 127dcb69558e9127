package org.phaenthi.server.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The newest 10,000 audit entries of this node in memory, each also written to the log. */
public final class MemoryAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger("phaenthi.audit");
  private static final int KEEP = 10_000;
  private final Deque<AuditEntry> entries = new ArrayDeque<>();

  @Override
  public synchronized void record(AuditEntry e) {
    LOG.info(
        "{} {} file={} sha256={} rows={} publication={} {}",
        e.who(),
        e.action(),
        e.file(),
        e.sha256(),
        e.rows(),
        e.publication(),
        e.detail() == null ? "" : e.detail());
    entries.addFirst(e);
    if (entries.size() > KEEP) {
      entries.removeLast();
    }
  }

  @Override
  public synchronized boolean recordOnce(AuditEntry e) {
    for (AuditEntry had : entries) {
      if (had.action().equals(e.action())
          && java.util.Objects.equals(had.publication(), e.publication())) {
        return false;
      }
    }
    record(e);
    return true;
  }

  @Override
  public synchronized List<AuditEntry> recent(int limit) {
    List<AuditEntry> out = new ArrayList<>(Math.min(limit, entries.size()));
    Iterator<AuditEntry> it = entries.iterator();
    while (it.hasNext() && out.size() < limit) {
      out.add(it.next());
    }
    return out;
  }
}
