/**
 * What the console needs from the running lotse, as narrow functions (the HTTP layer never reaches into
 * storage itself).
 */
import type { FaqLoop } from './faq-loop-api.ts';
import type { Hr } from '../hr-deps.ts';
import type { EscalationService } from '../../core/escalation/escalation-service.ts';
import type { WeeklyFigures } from '../../core/guardrails/audit-report.ts';
import type { NegativeFeedback } from '../../ports/conversation-store.ts';
import type { AdminAction } from '../../ports/audit-log.ts';
import type { AdminActionWeek } from '../../core/audit/admin-action-report.ts';
import type { Directory } from '../../ports/directory.ts';
import type { FeedbackQueueEntry, FeedbackState } from '../../ports/feedback-queue.ts';
import type { DocumentMeta } from '../../ports/knowledge.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Protect } from '../auth/access.ts';
import type { ConsoleTexts } from './console-texts.ts';
import type { ApprovalRole, OpenReidentification, ReidentificationResult } from '../../ports/reidentification.ts';
import type { ReidentificationTexts } from '../../../prompts/load-reidentification-texts.ts';
import type { LotseAvailability } from '../../core/escalation/lotse-availability.ts';
import type { TicketStatsRow } from '../../core/escalation/ticket-stats.ts';
import type { DataSubjectRequests } from '../../core/privacy/data-subject-requests.ts';
import type { ConsoleLotseDsbTexts } from '../../../prompts/load-console-lotse-dsb-texts.ts';

/** The result of an ingest run as the console shows it. */
export interface IngestReport {
  readonly at: string;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/** Outcome of an upload (German message either way). */
export type UploadOutcome =
  | { readonly kind: 'stored'; readonly message: string; readonly report: IngestReport }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string };

/** A pending FAQ draft. */
export interface PendingDraft {
  readonly id: number;
  readonly question: string;
  readonly answer: string;
  readonly draftedBy: string;
}

/** What the re-identification page needs (issue #18, item 12). */
export interface ReidentificationConsole {
  readonly texts: ReidentificationTexts;
  open(now: Date): Promise<readonly OpenReidentification[]>;
  request(input: { pseudonym: string; reason: string; by: string; now: Date }): Promise<ReidentificationResult>;
  approve(input: { id: number; role: ApprovalRole; by: string; now: Date }): Promise<ReidentificationResult>;
  readonly now: () => Date;
}

/** What the absence, statistics and GDPR pages need (issue #22). */
export interface LotseDsbConsole {
  readonly texts: ConsoleLotseDsbTexts;
  readonly availability: Pick<LotseAvailability, 'status' | 'setAbsent' | 'clear' | 'notLotse'>;
  readonly ticketStats: () => Promise<readonly TicketStatsRow[]>;
  readonly privacy: Pick<DataSubjectRequests, 'export' | 'erase'>;
}

/** Dependencies of the console routes. */
export interface ConsoleDeps {
  readonly texts: ConsoleTexts;
  /** Absence, ticket statistics and GDPR requests (issue #22); their pages answer 404 without it. */
  readonly lotseTools?: LotseDsbConsole;
  readonly protect: Protect;
  readonly logger: Logger;
  readonly directory: Directory;
  readonly escalation: EscalationService;
  readonly faq: FaqLoop;
  readonly pendingDrafts: () => Promise<readonly PendingDraft[]>;
  /** Approved FAQ entries from tickets with their expiry, soonest first. */
  readonly faqEntries: () => readonly { readonly draftId: number; readonly question: string; readonly validTo: string }[];
  readonly documents: () => readonly { readonly meta: DocumentMeta; readonly chunks: number }[];
  /** One document's metadata (cheap; `documents()` also counts every document's chunks). */
  readonly document: (id: string) => DocumentMeta | undefined;
  readonly lastIngest: () => IngestReport | undefined;
  readonly reindex: () => Promise<IngestReport>;
  /** Stores an upload; `owner` (the uploader's unit name) is recorded in a sidecar so the upload stays theirs. */
  readonly upload: (name: string, bytes: Buffer, owner?: string) => Promise<UploadOutcome>;
  /** Sets "gültig bis" and the superseded documents of one document (sidecar file), then re-indexes. */
  readonly setValidity: (documentId: string, change: { validTo?: string; supersedes: readonly string[] }) => Promise<UploadOutcome>;
  readonly negativeFeedback: () => Promise<readonly NegativeFeedback[]>;
  readonly weeklyReport: () => Promise<readonly WeeklyFigures[]>;
  /** HR news and surveys (absent: the HR pages answer 404). */
  readonly hr?: Hr;
  /** Writes a document's title, owner, validity and successors (sidecar), then re-indexes (issue #22). */
  readonly editDocument?: (
    documentId: string,
    change: { title: string; owner?: string; validTo?: string; supersedes: readonly string[] },
  ) => Promise<UploadOutcome>;
  /** Deletes a document's file and sidecar, then re-indexes (issue #22). */
  readonly deleteDocument?: (documentId: string) => Promise<UploadOutcome>;
  /** Records an administrative action in the audit trail (actor pseudonymised there). */
  readonly auditAdmin?: (action: AdminAction, actorId: string) => Promise<void>;
  /** Administrative actions counted per ISO week and action (no persons), for the staff-council report. */
  readonly adminReport?: () => Promise<readonly AdminActionWeek[]>;
  /** Work state of the owners' feedback queue per document (issue #22); `by` is the actor's directory id. */
  readonly feedbackQueue?: {
    list(): Promise<readonly FeedbackQueueEntry[]>;
    set(document: string, state: FeedbackState, by: string): Promise<void>;
  };
  /** Re-identification requests and four-eyes approvals (absent: the pages answer 404). */
  readonly reidentification?: ReidentificationConsole;
}
