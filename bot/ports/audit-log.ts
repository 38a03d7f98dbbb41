/**
 * The audit trail (DV KI § 10): one pseudonymous, hash-chained record per answer, refusal and security
 * event; verifiable, purged per retention, reported only in aggregate.
 */
import type { Outcome, RuleHit } from './turn.ts';

/** Kinds of audit records (retention is per kind). */
export type AuditRecordType = 'answer' | 'refusal' | 'security' | 'reidentification' | 'admin';

/** Administrative actions recorded with `type: 'admin'` (issue #22): the staff council sees them counted per week. */
export const adminActions = [
  'upload',
  'validity_change',
  'metadata_change',
  'document_delete',
  'reindex',
  'broadcast_release',
  'survey_approve',
] as const;

/** One administrative action. */
export type AdminAction = (typeof adminActions)[number];

/** What is recorded for one turn. The user appears only as a keyed pseudonym. */
export interface AuditEntry {
  readonly type: AuditRecordType;
  readonly at: string;
  readonly pseudonym: string;
  readonly channel: string;
  readonly outcome: Outcome;
  readonly rules: readonly RuleHit[];
  readonly policyVersion: string;
  readonly indexVersion: string;
  readonly model?: string;
  readonly promptId?: string;
  readonly promptVersion?: string;
  readonly documents: readonly string[];
  /** The masked question; absent when a rule says it must not be kept (personal matters, security events). */
  readonly question?: string;
  /** For `type: 'admin'`: what was done (the actor is the pseudonym, the clause is in `rules`). */
  readonly adminAction?: AdminAction;
}

/** Result of checking the chain. */
export type AuditVerification =
  | { readonly kind: 'intact'; readonly records: number }
  | { readonly kind: 'broken'; readonly atSequence: number; readonly reason: 'edited' | 'removed_or_reordered' | 'unkeyed' | 'truncated' };

/** The newest record of the chain: exported (log, syslog) so that deleting the newest records is detected. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Append-only, verifiable storage of audit entries (asynchronous, issue #20). */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  verify(): Promise<AuditVerification>;
}
