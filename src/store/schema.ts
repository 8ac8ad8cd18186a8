/**
 * The tables of the workspace store, as Kysely sees them. One schema for SQLite and PostgreSQL, so only
 * portable column types are used: text (ISO-8601 times, JSON documents), integer (flags are 0/1, sizes and
 * counts), and binary blob/bytea for content. The migrations in ./migrations create exactly these.
 *
 * Principle: a stored scan or assessment IS its JSON document (a content-addressed, gzip-compressed blob).
 * Every other column and table about it is derived from that document when it is recorded: a few indexed
 * columns for lists and filters, and per-item / per-finding rows so a page never parses a whole document.
 * New fields in the Assessment type therefore need no migration; they ride along in the JSON.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** Content-addressed bytes: the sha256 of the UNCOMPRESSED content is the key. */
export interface BlobTable {
  sha256: string;
  /** application/json (snapshot, assessment, shard) or an evidence file's type. */
  media_type: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** How `content` is stored: gzip for JSON documents, identity for evidence files (already compressed). */
  encoding: 'gzip' | 'identity';
  content: Buffer;
  created_at: string;
}

/** One scan: the snapshot (a blob) and the envelope facts the lists show. */
export interface ScanTable {
  id: Generated<number>;
  /** The snapshot blob; null for a sharded scan (issue 10) whose content is in scan_shards. */
  snapshot_sha256: string | null;
  /** 'snapshot' (one blob) or 'shards' (per-account shards, written by workers). */
  storage: 'snapshot' | 'shards';
  schema_version: string;
  tool_version: string;
  mode: string;
  principal_arn: string;
  principal_account: string;
  started_at: string;
  finished_at: string;
  complete: number;
  interruption: string | null;
  account_count: number;
  region_count: number;
  api_calls: number;
  failed_reads: number;
  /** 'scan' (recorded by `ftr scan --db`), 'evaluate', 'import', 'worker'. */
  source: string;
  recorded_at: string;
  recorded_by: string;
}

/**
 * The seam for distributed scans (issue 10): a worker writes one shard per unit (an account, or an
 * account x region slice) as a content-addressed blob. The primary key makes a retried unit idempotent:
 * a shard is never written twice.
 */
export interface ScanShardTable {
  scan_id: number;
  /** The unit of work, e.g. the account id, or `accountId/region`. */
  unit_key: string;
  account_id: string;
  blob_sha256: string;
  created_at: string;
  worker: string | null;
}

/** One assessment: the document (a blob), a header without the big arrays, and indexed summary columns. */
export interface AssessmentTable {
  id: Generated<number>;
  scan_id: number | null;
  document_sha256: string;
  schema_version: string;
  tool_version: string;
  framework_id: string;
  framework_version: string;
  delivery: string;
  /** '' when the assessment has no scope (so it can be part of unique keys and equality filters). */
  scope_name: string;
  case_study_id: string | null;
  generated_at: string;
  scan_started_at: string;
  scan_finished_at: string;
  snapshot_complete: number;
  readiness_met: number;
  readiness_applicable: number;
  items_met: number;
  items_not_met: number;
  items_needs_evidence: number;
  items_not_applicable: number;
  items_unknown: number;
  findings_total: number;
  findings_fail: number;
  /** FAIL findings per severity (migration 0003): the overview's blockers without counting finding rows. */
  fails_critical: Generated<number>;
  fails_high: Generated<number>;
  fails_medium: Generated<number>;
  fails_low: Generated<number>;
  fails_info: Generated<number>;
  /** The assessment JSON without `items`, `findings` and `resources` (those have their own tables). */
  header_json: string;
  source: string;
  recorded_at: string;
  recorded_by: string;
  /** 0006: the Scope (src/scope/types.ts) as JSON when it was recorded with one (`ftr evaluate --scope --db`). */
  scope_definition: Generated<string | null>;
}

/** One checklist item of an assessment; `document` is the ItemResult as JSON, whatever fields it has. */
export interface AssessmentItemTable {
  assessment_id: number;
  item_id: string;
  /** Position in the assessment's `items` array (checklist order). */
  seq: number;
  section: string;
  verdict: string;
  attestation_expired: number;
  /** The attestation's effective expiry (YYYY-MM-DD) for "evidence expiring within 90 days". */
  attestation_expires: string | null;
  document: string;
}

/** One finding; `document` is the Finding as JSON. Indexed by assessment and check (an item's checks). */
export interface FindingTable {
  assessment_id: number;
  seq: number;
  check_id: string;
  status: string;
  severity: string;
  account_id: string;
  region: string | null;
  resource_type: string;
  resource_id: string;
  resource_arn: string | null;
  suppressed: number;
  document: string;
}

/** One inventory resource; `document` is the InventoryResource as JSON (tags, cost). */
export interface ResourceTable {
  assessment_id: number;
  seq: number;
  account_id: string;
  region: string | null;
  resource_type: string;
  resource_id: string;
  document: string;
}

export type AttestationKind = 'item' | 'gating' | 'suppression';

/**
 * The current state of one attestation entry: an item's answer, a gating answer or a suppression, for a
 * framework and scope. `version` is the optimistic-concurrency counter; `document` is null once deleted.
 */
export interface AttestationTable {
  id: Generated<number>;
  framework_id: string;
  /** '' when not scoped. */
  scope_name: string;
  kind: AttestationKind;
  /** The item id, the gating question id, or the suppression's key (check|account|resource|arn|region). */
  subject: string;
  version: number;
  document: string | null;
  updated_at: string;
  updated_by: string;
}

/** Every change of an attestation: who, when, from where, the document before and after. */
export interface AttestationVersionTable {
  attestation_id: number;
  version: number;
  before_document: string | null;
  after_document: string | null;
  changed_at: string;
  changed_by: string;
  /** 'import' (a YAML file), 'web', 'cli'. */
  source: string;
}

/** An uploaded or imported evidence file; its bytes are a blob (identity encoding). */
export interface EvidenceFileTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  uploaded_at: string;
  uploaded_by: string;
}

/** viewer < attester < admin (seeded by the first migration). */
export interface RoleTable {
  name: string;
  rank: number;
  description: string;
}

export interface UserTable {
  id: Generated<number>;
  /** Lower-cased; unique. */
  email: string;
  display_name: string;
  role: string;
  /** A hash from a password-hashing library (team mode); never a password. Null for OIDC-only users. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** Append-only: every write to the store adds one line in the same transaction. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  /** A user's email, or `cli:<os user>` for the command line. */
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON object with the details of the action (never secrets). */
  detail: string;
}

/** A signed-in session of team mode (migration 0002); the cookie holds the token, this row its sha256. */
export interface AuthSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  /** 'password' or 'oidc'. */
  method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  created_ip: string | null;
}

/** One failed sign-in, counted per account and per client address for the rate limit (migration 0002). */
export interface AuthAttemptTable {
  id: Generated<number>;
  key: string;
  at: string;
}

/** A scan job started from the dashboard (migration 0004); `options` is the ScanRequest as JSON. */
export interface ScanJobTable {
  id: Generated<number>;
  started_at: string;
  started_by: string;
  actor_user_id: number | null;
  options: string;
  status: string;
  progress: string;
  outcome: string;
  finished_at: string | null;
  scan_id: number | null;
  assessment_id: number | null;
  /** 0005: how many accounts the scan set out to collect (null until known). */
  accounts_total: number | null;
  /** 0005: JSON array of the accounts with a complete shard in the recorded snapshot. */
  complete_accounts: string | null;
}

/** The live `ftr serve` of this store (migration 0007): one row, `name` = 'serve'. */
export interface ServeLeaseTable {
  name: string;
  holder: string;
  host: string;
  pid: number;
  started_at: string;
  renewed_at: string;
}

export interface Database {
  blobs: BlobTable;
  scans: ScanTable;
  scan_shards: ScanShardTable;
  assessments: AssessmentTable;
  assessment_items: AssessmentItemTable;
  findings: FindingTable;
  resources: ResourceTable;
  attestations: AttestationTable;
  attestation_versions: AttestationVersionTable;
  evidence_files: EvidenceFileTable;
  roles: RoleTable;
  users: UserTable;
  audit_log: AuditLogTable;
  auth_sessions: AuthSessionTable;
  auth_attempts: AuthAttemptTable;
  scan_jobs: ScanJobTable;
  serve_leases: ServeLeaseTable;
}

export type ScanRow = Selectable<ScanTable>;
export type AssessmentRow = Selectable<AssessmentTable>;
export type AttestationRow = Selectable<AttestationTable>;
export type UserRow = Selectable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewFinding = Insertable<FindingTable>;
