/**
 * Builds the console's dependencies from a running lotse: tickets, FAQ approvals, knowledge sources
 * (list, upload, re-index), the feedback queue and the staff-council report.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { weeklyReport } from '../core/guardrails/audit-report.ts';
import type { ConsoleDeps, IngestReport, UploadOutcome } from '../http/console/console-deps.ts';
import { loadReidentificationTexts } from '../../prompts/load-reidentification-texts.ts';
import { loadConsoleLotseDsbTexts } from '../../prompts/load-console-lotse-dsb-texts.ts';
import { createTicketStatistics } from './ticket-statistics.ts';
import { createLotseDataSubjectRequests } from './create-data-subject-requests.ts';
import type { Lotse } from './lotse.ts';
import { ingestKnowledge, recordedSourceFolder } from './ingest-knowledge.ts';
import { ticketFaqPrefix } from './faq-loop.ts';
import type { IndexReplicaState } from './index-replica-state.ts';
import { adminActionReport } from '../core/audit/admin-action-report.ts';
import { SqlFeedbackQueue } from '../adapters/storage/sql-feedback-queue.ts';
import { createDocumentAdmin } from './document-admin.ts';
import { createAdminAudit } from './admin-audit.ts';

const reportSchema = z.object({
  at: z.string(),
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});

/** The ingest report last written to the data dir (by `serve`, `ingest`, an upload or a re-index). */
export function readLastIngest(dataDir: string): IngestReport | undefined {
  const file = join(dataDir, 'last-ingest.json');
  if (!existsSync(file)) return undefined;
  const parsed = reportSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** With replicas: a leader cycle instead of a local rebuild; waits up to 60 s for the leader's report. */
async function replicatedReindex(index: IndexReplicaState): Promise<IngestReport> {
  const report = await index.awaitReindex(await index.requestReindex(), 60_000);
  const parsed = report ? reportSchema.safeParse(JSON.parse(report)) : undefined;
  return parsed?.success ? parsed.data : { at: new Date().toISOString(), added: 0, updated: 0, removed: 0, skipped: [] };
}

/** The owners' feedback queue over the lotse database; the actor is stored as their audit pseudonym. */
function feedbackQueueOf(lotse: Lotse): NonNullable<ConsoleDeps['feedbackQueue']> {
  const store = new SqlFeedbackQueue(lotse.store);
  return {
    list: () => store.list(),
    set: (document, state, by) => store.set({ document, state, updatedAt: new Date().toISOString(), by: lotse.pseudonymOf(by) }),
  };
}

/** The console's data functions over `lotse` (texts, guard and logger are added by the caller). */
export function consoleDataOf(lotse: Lotse): Omit<ConsoleDeps, 'texts' | 'protect' | 'logger'> {
  const dataDir = lotse.config.dataDir;
  // With replicas the leader ingests KNOWLEDGE_DIR, so uploads go there whatever this data dir recorded.
  const folder = (): string => (lotse.index ? undefined : recordedSourceFolder(dataDir)) ?? lotse.config.knowledgeDir;
  const reindex = async (): Promise<IngestReport> => {
    if (lotse.index) return replicatedReindex(lotse.index);
    await ingestKnowledge(lotse.knowledge, { folder: folder(), dataDir });
    return readLastIngest(dataDir) ?? { at: new Date().toISOString(), added: 0, updated: 0, removed: 0, skipped: [] };
  };
  const upload = async (name: string, bytes: Buffer, owner?: string): Promise<UploadOutcome> => {
    const target = join(folder(), 'uploads');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, name), bytes);
    // The sidecar wins over front-matter: the upload belongs to the uploader's unit (issue #18, item 10).
    if (owner) writeFileSync(join(target, `${name}.meta.yaml`), stringifyYaml({ owner }));
    const report = await reindex();
    const skipped = report.skipped.find((entry) => entry.file.endsWith(name));
    return {
      kind: 'stored',
      report,
      message: skipped ? `Gespeichert, aber nicht in den Index aufgenommen: ${skipped.reason}` : `„${name}“ ist gespeichert und im Index.`,
    };
  };
  const setValidity = async (documentId: string, change: { validTo?: string; supersedes: readonly string[] }): Promise<UploadOutcome> => {
    const known = new Set(lotse.knowledge.store.listDocuments().map((meta) => meta.id));
    const path = resolve(folder(), documentId);
    if (!known.has(documentId) || !path.startsWith(resolve(folder()) + sep) || !existsSync(path))
      return { kind: 'rejected', status: 404, message: 'Dieses Dokument gibt es nicht in der Quellablage.' };
    const unknown = change.supersedes.filter((id) => !known.has(id) || id === documentId);
    if (unknown.length)
      return { kind: 'rejected', status: 400, message: `Unbekannte oder unzulässige Dokumente bei „ersetzt“: ${unknown.join(', ')}` };
    const sidecar = `${path}.meta.yaml`;
    const current: unknown = existsSync(sidecar) ? parseYaml(readFileSync(sidecar, 'utf8')) : {};
    const { valid_to: _previous, ...rest } = (typeof current === 'object' && current !== null ? current : {}) as Record<string, unknown>;
    writeFileSync(
      sidecar,
      stringifyYaml({ ...rest, ...(change.validTo ? { valid_to: change.validTo } : {}), supersedes: [...change.supersedes] }),
    );
    const report = await reindex();
    return { kind: 'stored', report, message: 'Gültigkeit gespeichert und neu indiziert.' };
  };
  return {
    setValidity,
    directory: lotse.directory,
    escalation: lotse.escalation,
    faq: lotse.faq,
    pendingDrafts: () => lotse.faq.pending(),
    faqEntries: () =>
      lotse.knowledge.store
        .listDocuments()
        .filter((meta) => meta.id.startsWith(ticketFaqPrefix) && meta.validTo)
        .map((meta) => ({
          draftId: Number(meta.id.slice(ticketFaqPrefix.length).replace(/\.md$/, '')),
          question: lotse.knowledge.store.chunksOf(meta.id)[0]?.faq?.question ?? meta.title,
          validTo: meta.validTo!,
        }))
        .sort((a, b) => a.validTo.localeCompare(b.validTo)),
    documents: () =>
      lotse.knowledge.store.listDocuments().map((meta) => ({ meta, chunks: lotse.knowledge.store.chunksOf(meta.id).length })),
    document: (id) => lotse.knowledge.store.getDocument(id),
    lastIngest: () => readLastIngest(dataDir),
    reindex,
    upload,
    // Reasons stored before they were masked on entry are masked on show (issue #18, item 12).
    negativeFeedback: async () =>
      (await lotse.conversations.negativeFeedback(500)).map((entry) =>
        entry.reason ? { ...entry, reason: lotse.maskText(entry.reason) } : entry,
      ),
    // Administrative records are reported apart (issue #22): they are not turns.
    weeklyReport: async () => weeklyReport((await lotse.audit.entries()).map((row) => row.entry).filter((entry) => entry.type !== 'admin')),
    adminReport: async () => adminActionReport((await lotse.audit.entries()).map((row) => row.entry)),
    auditAdmin: createAdminAudit(lotse.audit, {
      pseudonym: lotse.pseudonymOf,
      now: () => new Date(),
      policyVersion: lotse.transparency.policyVersion,
      indexVersion: () => lotse.knowledge.indexVersion(),
    }),
    ...createDocumentAdmin({ listDocuments: () => lotse.knowledge.store.listDocuments(), folder, reindex }),
    feedbackQueue: feedbackQueueOf(lotse),
    hr: lotse.hr,
    reidentification: {
      texts: loadReidentificationTexts(),
      open: (now) => lotse.reidentification.open(now),
      request: (input) => lotse.reidentification.request(input),
      approve: (input) => lotse.reidentification.approve(input),
      now: () => new Date(),
    },
    lotseTools: {
      texts: loadConsoleLotseDsbTexts(),
      availability: lotse.availability,
      ticketStats: createTicketStatistics(lotse),
      privacy: createLotseDataSubjectRequests(lotse),
    },
  };
}
