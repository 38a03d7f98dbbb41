/**
 * Retention of stored records other than the audit (`records:` in `policies/retention.yaml`), read apart from
 * the guardrail policies so the purge can use it (issue #18, item 4).
 */
import { readPolicyFile } from './read-policy-file.ts';
import { retentionFileSchema } from './policy-schema.ts';

/** Days each kind of stored record is kept. */
export interface RecordRetention {
  /** Conversations, with their messages and feedback, counted from the last message. */
  readonly conversations: number;
  /** Tickets with events and reminders, counted from the last event. */
  readonly tickets: number;
  /** Feedback, counted from when it was given. */
  readonly feedback: number;
  /** Inbox entries, counted from when they arrived. */
  readonly inbox: number;
  /** HR outbox rows (by job) and Jabber outbox rows. */
  readonly outboxes: number;
}

/** Used when `retention.yaml` has no `records:` section. */
export const defaultRecordRetention: RecordRetention = { conversations: 90, tickets: 365, feedback: 180, inbox: 90, outboxes: 90 };

/** Reads `records:` of `dir/retention.yaml`; throws a `PolicyError` naming file and line on invalid values. */
export function loadRecordRetention(dir: string): RecordRetention {
  const file = readPolicyFile(dir, 'retention.yaml', retentionFileSchema);
  return { ...defaultRecordRetention, ...Object.fromEntries(Object.entries(file.records ?? {}).filter(([, days]) => days !== undefined)) };
}
