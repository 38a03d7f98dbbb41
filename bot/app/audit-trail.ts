/**
 * Turns a turn result into a pseudonymous audit entry (keyed HMAC of the user id) and appends it.
 * The key lives outside the database (`AUDIT_HMAC_KEY`, else `<dataDir>/audit.key`, created once).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry, AuditLog } from '../ports/audit-log.ts';
import type { TurnResult } from '../ports/turn.ts';
import { securityRuleIds } from '../core/guardrails/policy-guardrail.ts';

/** Rules whose question text is never kept (personal matters, security events). */
const noQuestionRules = new Set(['personal-matter', ...securityRuleIds]);

/** Reads or creates the pseudonymisation key. */
export function auditKey(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'audit.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The audit key of a data dir without creating one: the configured key, else `<dataDir>/audit.key`, else undefined. */
export function existingAuditKey(dataDir: string, configured?: string): string | undefined {
  if (configured) return configured;
  const file = join(dataDir, 'audit.key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** The HMAC key of the audit chain's links, derived from the audit key (also for checking backups and restores). */
export function auditChainKey(key: string): string {
  return createHmac('sha256', key).update('lotse-audit-chain').digest('hex');
}

/** Creates the recorder the conversation core calls after each turn. */
export function createAuditRecorder(log: AuditLog, options: { key: string; policyVersion: string; now: () => Date }) {
  const pseudonym = (userId: string): string => createHmac('sha256', options.key).update(userId).digest('hex').slice(0, 32);
  return {
    pseudonym,
    async record(result: TurnResult, channel: string, userId: string): Promise<void> {
      const security = result.rules.some((rule) => securityRuleIds.has(rule.id));
      const keepQuestion = !result.rules.some((rule) => noQuestionRules.has(rule.id));
      const entry: AuditEntry = {
        type: security ? 'security' : result.outcome === 'refused' ? 'refusal' : 'answer',
        at: options.now().toISOString(),
        pseudonym: pseudonym(userId),
        channel,
        outcome: result.outcome,
        rules: result.rules,
        policyVersion: options.policyVersion,
        indexVersion: result.provenance.indexVersion,
        documents: [...new Set(result.citations.map((citation) => citation.document))],
        ...(result.provenance.model ? { model: result.provenance.model } : {}),
        ...(result.provenance.promptId
          ? { promptId: result.provenance.promptId, promptVersion: result.provenance.promptVersion ?? '' }
          : {}),
        ...(keepQuestion ? { question: result.question } : {}),
      };
      await log.append(entry);
    },
  };
}
