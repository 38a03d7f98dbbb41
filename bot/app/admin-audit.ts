/**
 * Administrative actions in the audit trail (issue #22, DV KI § 10): uploads, validity and metadata
 * changes, deletions, re-indexing, broadcast releases and survey approvals, each as one hash-chained record
 * of type `admin` with the actor's pseudonym and the clause. The staff council sees them only counted.
 */
import type { AdminAction, AuditLog, AuditRecordType } from '../ports/audit-log.ts';
import type { Hr } from './create-hr.ts';

/** The works-agreement clause every administrative record cites. */
export const adminAuditClause = 'DV KI § 10';

/** Days each audit record type is kept. */
export type AuditRetentionDays = Readonly<Record<AuditRecordType, number>>;

/** Records one action by `actorId` (a directory id; only its pseudonym is stored). */
export type AdminAuditRecorder = (action: AdminAction, actorId: string) => Promise<void>;

/** Creates the recorder over the audit log. */
export function createAdminAudit(
  log: AuditLog,
  options: { pseudonym: (userId: string) => string; now: () => Date; policyVersion: string; indexVersion: () => string },
): AdminAuditRecorder {
  return async (action, actorId) =>
    log.append({
      type: 'admin',
      at: options.now().toISOString(),
      pseudonym: options.pseudonym(actorId),
      channel: 'admin',
      outcome: 'answered',
      rules: [{ id: `admin-${action}`, clause: adminAuditClause, action: 'allow' }],
      policyVersion: options.policyVersion,
      indexVersion: options.indexVersion(),
      documents: [],
      adminAction: action,
    });
}

/**
 * `hr` whose broadcast releases and survey approvals are audited when they succeed, whatever the channel (console,
 * API, CLI): the action resolves only once its record is in the audit log (a failed record rejects it, the action
 * itself stays done).
 */
export function auditHrApprovals(hr: Hr, record: AdminAuditRecorder): Hr {
  const after = async <T extends { readonly kind: string }>(result: Promise<T>, action: AdminAction, actor: string): Promise<T> => {
    const done = await result;
    if (done.kind === 'ok') await record(action, actor);
    return done;
  };
  return {
    ...hr,
    broadcasts: { ...hr.broadcasts, release: (actor, id) => after(hr.broadcasts.release(actor, id), 'broadcast_release', actor) },
    surveys: { ...hr.surveys, approve: (actor, id) => after(hr.surveys.approve(actor, id), 'survey_approve', actor) },
  };
}
