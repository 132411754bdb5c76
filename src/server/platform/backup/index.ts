export { ARCHIVE_NAME, type BackupResult, type BackupSource, createBackup, pruneBackups } from "./backup";
export { BACKUP_CRON, BACKUP_JOB, type BackupJobDeps, registerBackupJob, runBackupJob } from "./backup.jobs";
export { compareVersions, type Manifest } from "./manifest";
export { RestoreRefused, type RestoreTarget, restoreBackup, verifyArchive } from "./restore";
