package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One import job as the store keeps it, so that every node of a store can show it and cancel it:
 * which node runs it, its phase, the job as the admin API shows it (JSON, written by that node),
 * when that node last said it was alive, and whether someone asked for it to stop.
 *
 * @param id the job's id, unique
 * @param node the node that took the upload and runs the job (its bytes stay there)
 * @param nodeUrl where that node answers, e.g. {@code http://10.0.0.5:8080}
 * @param who the token name that uploaded it
 * @param createdAt when it was uploaded
 * @param phase the job's phase by its wire name ({@code validating}, {@code ready}, {@code failed}
 *     …)
 * @param view the job as {@code GET /admin/api/imports/{id}} shows it, as JSON
 * @param heartbeatAt the last time the running node wrote the record
 * @param cancelRequested set by any node; the running node stops the job at its next check
 * @param errorEn why it failed, when it failed without its node saying so (interrupted), or null
 * @param errorTh the same in Thai
 */
public record JobRecord(
    String id,
    String node,
    String nodeUrl,
    String who,
    Instant createdAt,
    String phase,
    String view,
    Instant heartbeatAt,
    boolean cancelRequested,
    String errorEn,
    String errorTh) {
  /** The phases after which a job does not change. */
  public static final java.util.Set<String> ENDED =
      java.util.Set.of("published", "cancelled", "failed");

  /** The error of a job whose node stopped while it ran. */
  public static final String INTERRUPTED_EN =
      "interrupted: the server running this import stopped (killed or crashed) before it ended;"
          + " the map serves the last complete publication. Upload the file again.";

  public static final String INTERRUPTED_TH =
      "งานนำเข้าถูกขัดจังหวะ: เซิร์ฟเวอร์ที่ทำงานนี้หยุดทำงานก่อนเสร็จ"
          + " แผนที่ยังแสดงชุดข้อมูลที่เผยแพร่ครบถ้วนล่าสุด กรุณาอัปโหลดไฟล์อีกครั้ง";

  public JobRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
  }

  public boolean ended() {
    return ENDED.contains(phase);
  }

  /** This record with the cancel request of {@code stored} kept (a save never clears it). */
  JobRecord keepingCancelOf(JobRecord stored) {
    if (stored == null || !stored.cancelRequested || cancelRequested) {
      return this;
    }
    return new JobRecord(
        id, node, nodeUrl, who, createdAt, phase, view, heartbeatAt, true, errorEn, errorTh);
  }

  JobRecord interrupted(String en, String th) {
    return new JobRecord(
        id, node, nodeUrl, who, createdAt, "failed", view, heartbeatAt, cancelRequested, en, th);
  }

  JobRecord withCancelRequest() {
    return new JobRecord(
        id, node, nodeUrl, who, createdAt, phase, view, heartbeatAt, true, errorEn, errorTh);
  }
}
