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
}

/** Used when `retention.yaml` has no `records:` section. */
export const defaultRecordRetention: RecordRetention = { conversations: 90 };

/** Reads `records:` of `dir/retention.yaml`; throws a `PolicyError` naming file and line on invalid values. */
export function loadRecordRetention(dir: string): RecordRetention {
  const file = readPolicyFile(dir, 'retention.yaml', retentionFileSchema);
  return { ...defaultRecordRetention, ...file.records };
}
