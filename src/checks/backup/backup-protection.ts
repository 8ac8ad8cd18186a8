/**
 * Whether AWS Backup protects one resource, from the backup slice of the resource's region: the resource is
 * listed by backup:ListProtectedResources with a recovery point no older than RECENT_BACKUP_DAYS before the
 * snapshot finished. A native backup feature that is off (DynamoDB PITR, ...) is then not a gap.
 */
import type { CollectionError } from '../../core/observed.js';
import type { RegionalSnapshot, Snapshot } from '../../core/snapshot.js';

/**
 * The longest point-in-time window AWS offers natively (DynamoDB PITR, RDS automated backups): a last
 * AWS Backup recovery point older than this no longer stands in for them.
 */
export const RECENT_BACKUP_DAYS = 35;

export type BackupProtection =
  | { readonly state: 'protected'; readonly lastBackupTime: string }
  /** Why not: never backed up, or only long ago, or no plan at all in the region. */
  | { readonly state: 'not-protected'; readonly why: string; readonly lastBackupTime: string | null }
  | { readonly state: 'unknown'; readonly reason: CollectionError | string };

export function backupProtection(regional: RegionalSnapshot, resourceArn: string, snapshot: Snapshot): BackupProtection {
  const slice = regional.backup;
  if (!slice) return { state: 'unknown', reason: `The backup collector did not run for ${regional.region}, so AWS Backup protection is unknown.` };
  if (!slice.ok) return { state: 'unknown', reason: slice.error };
  const { protectedResources, plans } = slice.value;
  if (!protectedResources.ok) {
    // Without any plan in the region, AWS Backup backs nothing up on a schedule: no need for the list.
    if (plans.ok && plans.value.length === 0) return { state: 'not-protected', why: `no AWS Backup plan exists in ${regional.region}`, lastBackupTime: null };
    return { state: 'unknown', reason: protectedResources.error };
  }
  const entry = protectedResources.value.find((r) => r.arn === resourceArn);
  if (!entry) return { state: 'not-protected', why: 'AWS Backup has no recovery point of it', lastBackupTime: null };
  const since = Date.parse(snapshot.finishedAt) - RECENT_BACKUP_DAYS * 86_400_000;
  if (entry.lastBackupTime !== null && Date.parse(entry.lastBackupTime) >= since) return { state: 'protected', lastBackupTime: entry.lastBackupTime };
  return {
    state: 'not-protected',
    why: entry.lastBackupTime
      ? `its last AWS Backup recovery point (${entry.lastBackupTime.slice(0, 10)}) is more than ${RECENT_BACKUP_DAYS} days old`
      : 'AWS Backup reports no backup time for it',
    lastBackupTime: entry.lastBackupTime,
  };
}
