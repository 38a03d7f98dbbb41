/**
 * Wires data-subject requests (issue #22) over a running lotse: the personal-data store over the store database
 * (the tables it reads come from the migrations run at start; tables that do not exist are skipped), the
 * audit, the audit pseudonym and the German texts.
 */
import { SqlPersonalData } from '../adapters/storage/sql-personal-data.ts';
import { createDataSubjectRequests, type DataSubjectRequests } from '../core/privacy/data-subject-requests.ts';
import type { Clock } from '../ports/clock.ts';
import { loadPrivacyTexts } from '../../prompts/load-privacy-texts.ts';
import { auditKey, createAuditRecorder } from './audit-trail.ts';
import type { Lotse } from './lotse.ts';

/** Builds the requests for the DSB (CLI, console). */
export function createLotseDataSubjectRequests(lotse: Lotse, clock: Clock = { now: () => new Date() }): DataSubjectRequests {
  const key = auditKey(lotse.config.dataDir, lotse.config.auditKey);
  const { pseudonym } = createAuditRecorder(lotse.audit, { key, policyVersion: lotse.transparency.policyVersion, now: () => clock.now() });
  return createDataSubjectRequests({
    store: new SqlPersonalData(lotse.store),
    directory: lotse.directory,
    audit: lotse.audit,
    pseudonym,
    clock,
    texts: loadPrivacyTexts(),
    policyVersion: lotse.transparency.policyVersion,
    indexVersion: () => lotse.knowledge.indexVersion(),
    auditRetentionDays: Math.max(...Object.values(lotse.retentionDays)),
  });
}
