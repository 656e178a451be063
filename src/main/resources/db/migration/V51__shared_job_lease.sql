-- Leases for @Scheduled jobs (kr.hamkke.shared.jobs.JobLease): with several app instances on one
-- database, the instance that takes a job's lease runs it; the others skip until the lease ends.
CREATE TABLE job_lease (
  job_name    VARCHAR(100) NOT NULL PRIMARY KEY,
  holder      VARCHAR(100) NOT NULL,
  lease_until DATETIME(6)  NOT NULL,
  taken_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
