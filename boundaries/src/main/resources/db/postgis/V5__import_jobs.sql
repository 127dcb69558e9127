-- Import jobs, so that every node can show and cancel a job another node runs, and a job whose node
-- died is shown as failed (interrupted) instead of running for ever. The upload's bytes stay on
-- the node that took them (node, node_url); view is the job as the admin API shows it (JSON).
CREATE TABLE phaenthi_import_jobs (
  id TEXT PRIMARY KEY,
  node TEXT NOT NULL,
  node_url TEXT,
  who TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  phase TEXT NOT NULL,
  view TEXT NOT NULL,
  heartbeat_at TIMESTAMPTZ NOT NULL,
  cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
  error_en TEXT,
  error_th TEXT
);
CREATE INDEX phaenthi_import_jobs_newest ON phaenthi_import_jobs (created_at DESC, id DESC);
-- the sweep for jobs of dead nodes reads only the jobs not ended
CREATE INDEX phaenthi_import_jobs_running ON phaenthi_import_jobs (heartbeat_at)
  WHERE phase NOT IN ('published', 'cancelled', 'failed');
