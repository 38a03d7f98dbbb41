/**
 * What a running lotse instance offers (without its HTTP server) and what tests may replace; built by
 * createLotse in create-lotse.ts, used by the CLI commands, the HTTP server and the channels.
 */
import type { SqlAuditLog } from '../adapters/storage/sql-audit-log.ts';
import type { SqlInbox } from '../adapters/storage/sql-inbox.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import type { SqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import type { LotseConfig } from '../config/config.ts';
import type { EscalationService } from '../core/escalation/escalation-service.ts';
import type { ConfidenceObservation } from '../core/retrieval/confidence.ts';
import type { TransparencyFacts } from '../http/pages.ts';
import type { ChatModel } from '../ports/chat-model.ts';
import type { ChatService } from '../ports/chat-service.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { ConversationStore, StoredMessage } from '../ports/conversation-store.ts';
import type { Directory } from '../ports/directory.ts';
import type { Guardrail } from '../ports/guardrail.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import type { Reidentification } from '../ports/reidentification.ts';
import type { TextAnalyzer } from '../ports/search.ts';
import type { AuditRetentionDays } from './admin-audit.ts';
import type { ChannelRouter } from './channel-router.ts';
import type { LotseAvailability } from './create-availability.ts';
import type { Hr } from './create-hr.ts';
import type { FaqLoop } from './faq-loop.ts';
import type { IndexReplicaState } from './index-replica-state.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import type { DirectorySync } from './shared-directory.ts';

/** A running lotse instance (without its HTTP server). */
export interface Lotse {
  readonly config: LotseConfig;
  readonly chat: ChatService;
  readonly knowledge: KnowledgeBase;
  /** The database of the stores (SQLite in `DATA_DIR`, or PostgreSQL with `DATABASE_URL`; issue #20). */
  readonly store: StoreDatabase;
  /** `<DATA_DIR>/lotse.db` of this process: the knowledge store, and every store when there is no `DATABASE_URL`. */
  readonly local: SqliteDatabase;
  readonly audit: SqlAuditLog;
  readonly retentionDays: AuditRetentionDays;
  /** Deletes conversations (messages, feedback) idle longer than `records.conversations` days of `retention.yaml`; returns how many. */
  purgeConversations(now: Date): Promise<number>;
  /** Deletes tickets, feedback, inbox entries and outbox rows past `policies/retention.yaml`; counts per kind. */
  purgeRecords(now: Date): Promise<Record<string, number>>;
  /** Masks personal data in free text like questions (feedback reasons, notes), issue #18 item 12. */
  maskText(text: string): string;
  readonly reidentification: Reidentification;
  /** The Digitallotsen workflow (tickets, routing, answers back to the asker). */
  readonly escalation: EscalationService;
  /** "Abwesend bis" of Digitallotsen: routing, reminders and digests skip absent people (issue #22). */
  readonly availability: LotseAvailability;
  readonly inbox: SqlInbox;
  /** Proactive delivery: channels (Teams, Jabber) register here; the web inbox is the fallback. */
  readonly channels: ChannelRouter;
  /** Conversations, messages and feedback. */
  readonly conversations: ConversationStore;
  /** The organisation directory (identity mapping, routing, audiences). */
  readonly directory: Directory;
  /** Answered tickets → reviewed FAQ entries. */
  readonly faq: FaqLoop;
  /** HR news and k-anonymous pulse surveys (issue #10). */
  readonly hr: Hr;
  /** Messages of a conversation if `userId` owns it. */
  messagesOf(userId: string, conversationId: string): Promise<readonly StoredMessage[]>;
  /** The model and the rules in force, for the transparency page. */
  readonly transparency: TransparencyFacts;
  /** The pseudonym that names a person or user in logs and the audit trail (keyed HMAC), issue #19 item 9. */
  readonly pseudonymOf: (id: string) => string;
  /** Leases for work that must run on exactly one replica (re-index, retention purge, Jabber). */
  readonly leases: JobLeases;
  /** This process's name as a lease holder (host, pid and a random part). */
  readonly replicaId: string;
  /** With PostgreSQL: the shared directory (call `tick()` periodically to import and follow changes). */
  readonly directorySync?: DirectorySync;
  /** With `DATABASE_URL`: published index versions, this replica's follower and re-index requests. */
  readonly index?: IndexReplicaState;
  close(): Promise<void>;
}

/** Optional replacements for tests. */
export interface LotseOverrides {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly guardrail?: Guardrail;
  readonly analyzer?: TextAnalyzer;
  /** A chat model instead of the one configured by `LLM_*` (tests). */
  readonly chatModel?: ChatModel | null;
  /** Sees the evidence features and the confidence of every answered question (fitting and diagnostics). */
  readonly onConfidence?: (observation: ConfidenceObservation) => void;
}
