/**
 * The composition root of one lotse process: opens the data dir, builds adapters, loads the index and
 * wires them into the conversation core. CLI commands and the HTTP server start from here.
 */
import { randomUUID } from 'node:crypto';
import { withEverydayWords } from '../adapters/search/everyday-words.ts';
import { createGermanAnalyzer } from '../adapters/search/german-analyzer.ts';
import { SqlConversationStore } from '../adapters/storage/sql-conversation-store.ts';
import type { LotseConfig } from '../config/config.ts';
import { createConversationCore } from '../core/conversation/conversation-core.ts';
import { confidenceFromFeatures, estimateConfidence, evidenceFeatures, type ConfidenceObservation } from '../core/retrieval/confidence.ts';
import type { RetrievalHit } from '../core/retrieval/hybrid-retriever.ts';
import type { ChatService } from '../ports/chat-service.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { Guardrail } from '../ports/guardrail.ts';
import type { Directory } from '../ports/directory.ts';
import type { TextAnalyzer } from '../ports/search.ts';
import type { Logger } from '../shared/logger.ts';
import { loadMessages } from '../../prompts/load-messages.ts';
import { loadTemplates } from '../../prompts/load-templates.ts';
import { createChatModel } from '../adapters/llm/create-chat-model.ts';
import { createConfiguredEmbedder } from '../adapters/embeddings/create-embedder.ts';
import { HashedNgramEmbedder } from '../adapters/search/hashed-ngram-embedder.ts';
import { rewriteFollowUp } from '../core/generation/rewrite-follow-up.ts';
import { draftFaqEntry } from '../core/generation/draft-faq-entry.ts';
import type { ChatModel } from '../ports/chat-model.ts';
import type { ConversationStore, StoredMessage } from '../ports/conversation-store.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { createPolicyGuardrail } from '../core/guardrails/policy-guardrail.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import { SqlAuditLog } from '../adapters/storage/sql-audit-log.ts';
import { auditChainKey, auditKey, createAuditRecorder } from './audit-trail.ts';
import { cachedStatus } from './cached-status.ts';
import { maskFeedbackReasons, maskReturnNotes } from './mask-free-text-inputs.ts';
import { loadRecordRetention } from '../../policies/load-retention.ts';
import { SqlInbox } from '../adapters/storage/sql-inbox.ts';
import { SqlRecordPurge } from '../adapters/storage/sql-record-purge.ts';
import { SqlFaqDrafts } from '../adapters/storage/sql-faq-drafts.ts';
import { loadHrPolicy } from '../../policies/load-broadcasts.ts';
import { SqlDirectoryVersions } from '../adapters/directory/sql-directory-versions.ts';
import { startDirectorySync, type DirectorySync } from './shared-directory.ts';
import { SqlJobLeases } from '../adapters/storage/sql-job-leases.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import type { Reidentification } from '../ports/reidentification.ts';
import { hostname } from 'node:os';
import { createFaqLoop, type FaqLoop } from './faq-loop.ts';
import { SqlTicketStore } from '../adapters/storage/sql-ticket-store.ts';
import { createEscalationService, type EscalationService } from '../core/escalation/escalation-service.ts';
import { loadEscalationPolicy } from '../../policies/load-escalation.ts';
import { loadEscalationMessages, loadSmallTalkMessages } from '../../prompts/load-messages.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { currentLexical } from './current-lexical.ts';
import { asksForOwnLotse, describeOwnLotsen } from '../core/escalation/who-is-my-lotse.ts';
import { escalationReferrals } from '../core/escalation/referrals.ts';
import type { TransparencyFacts } from '../http/pages.ts';
import { createChannelRouter, type ChannelRouter } from './channel-router.ts';
import { createHr, type Hr } from './create-hr.ts';
import { auditHrApprovals, createAdminAudit, type AuditRetentionDays } from './admin-audit.ts';
import { createFreeTextMasker } from '../core/hr/mask-free-text.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import type { SqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import { openDatabases } from './open-databases.ts';
import { createLotseReidentification } from './reidentification-wiring.ts';
import { createIndexReplicaState, type IndexReplicaState } from './index-replica-state.ts';
import { createOfficeAvailability, type LotseAvailability } from './create-availability.ts';
import { trainingGateNote } from '../core/conversation/training-gate-note.ts';
import { loadPresentation } from '../../prompts/load-presentation.ts';
import { loadTransparencyTexts } from '../../prompts/load-transparency-texts.ts';
import { findUsageAgreement } from './usage-agreement.ts';

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

/** The German analyzer with its thesaurus and domain lexicon loaded now, not on the first question. */
function warmedGermanAnalyzer(logger: Logger): ReturnType<typeof createGermanAnalyzer> {
  const german = createGermanAnalyzer({ logger });
  german.warmUp();
  return german;
}

const systemClock: Clock = { now: () => new Date() };
const uuidIds: IdGenerator = { next: (prefix) => `${prefix}-${randomUUID()}` };

/** Builds and opens lotse for a data dir. Throws an English error when the database cannot be opened. */
export async function createLotse(config: LotseConfig, logger: Logger, overrides: LotseOverrides = {}): Promise<Lotse> {
  // Invalid policies or directory stop start-up first, before any database or index work: lotse never runs
  // without its guardrails, and a broken file is reported within a second.
  const policies = loadPolicies(config.policiesDir, config.today ? { today: config.today } : {});
  const fileDirectory = loadDirectory(config.directoryFile);
  const hrPolicy = loadHrPolicy(config.policiesDir);
  // The knowledge store and index stay in the data dir (per replica); everything else may live in PostgreSQL.
  const databases = await openDatabases(config, logger);
  const { local, store, shared } = databases;
  const databaseReady = databases.ready; // /readyz answers 503 while PostgreSQL is unreachable (waits on the pool only)
  const leases = new SqlJobLeases(store);
  const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // With PostgreSQL the directory is shared: one replica publishes DIRECTORY_FILE, all follow the store.
  const directorySync = shared
    ? await startDirectorySync({
        versions: new SqlDirectoryVersions(store),
        file: config.directoryFile,
        leases,
        replicaId,
        clock: overrides.clock ?? systemClock,
        logger,
      })
    : undefined;
  const directory: Directory = directorySync?.directory ?? fileDirectory;
  const analyzer = overrides.analyzer ?? withEverydayWords(warmedGermanAnalyzer(logger));
  const clock = overrides.clock ?? systemClock;
  const dense = await createConfiguredEmbedder(config.llm);
  const embedders = [{ embedder: new HashedNgramEmbedder(), weight: 0.3 }, ...(dense ? [{ embedder: dense, weight: 0.6 }] : [])];
  const knowledge = new KnowledgeBase({ dataDir: config.dataDir, database: local, analyzer, logger, embedders });
  const model = overrides.chatModel !== undefined ? overrides.chatModel : createChatModel(config.llm, { clock, logger });
  const templates = loadTemplates();
  const transparencyTexts = loadTransparencyTexts();
  const pseudonymKey = auditKey(config.dataDir, config.auditKey);
  // The chain is an HMAC chain under a key derived from the audit key (kept outside the database), issue #18 item 12.
  // Replicas on PostgreSQL share the chain, so only a shared AUDIT_HMAC_KEY can key it (each data dir's audit.key differs).
  const chainKey = config.databaseUrl && !config.auditKey ? undefined : auditChainKey(pseudonymKey);
  if (!chainKey)
    logger.warn('audit-chain-unkeyed', {
      hint: 'DATABASE_URL without AUDIT_HMAC_KEY: the audit chain is a plain hash chain. Set the same AUDIT_HMAC_KEY on every replica and run "lotse audit rekey" once.',
    });
  const audit = new SqlAuditLog(store, chainKey ? { key: chainKey } : {});
  const recorder = createAuditRecorder(audit, { key: pseudonymKey, policyVersion: policies.version, now: () => clock.now() });
  // Conversations are stored under the audit pseudonym, never the directory id (issue #18, item 4). Replicas on
  // PostgreSQL share them, so only a shared AUDIT_HMAC_KEY can key them (each data dir's audit.key differs).
  const keyedOwners = !(config.databaseUrl && !config.auditKey);
  if (!keyedOwners)
    logger.warn('conversations-unkeyed', {
      hint: 'DATABASE_URL without AUDIT_HMAC_KEY: conversations are stored under directory ids. Set the same AUDIT_HMAC_KEY on every replica.',
    });
  const conversations = new SqlConversationStore(store, keyedOwners ? { ownerKey: recorder.pseudonym } : {});
  if (keyedOwners) await conversations.pseudonymizeOwners(recorder.pseudonym);
  const ids = overrides.ids ?? uuidIds;
  const inbox = new SqlInbox(store, conversations, clock, ids);
  const escalationPolicy = loadEscalationPolicy(config.policiesDir);
  const escalationMessages = loadEscalationMessages();
  const channels = createChannelRouter(inbox, logger, recorder.pseudonym);
  const office = await createOfficeAvailability({
    store,
    policiesDir: config.policiesDir,
    policy: escalationPolicy,
    directory,
    clock,
    logger,
    today: config.today,
  });
  // Feedback reasons, return notes, FAQ drafts and survey free text are masked like questions (issue #18, item 12).
  const maskFreeText = createFreeTextMasker(
    policies.pii.entities,
    directory.people().map((person) => person.name),
  );
  const escalation = maskReturnNotes(
    createEscalationService({
      tickets: new SqlTicketStore(store),
      conversations,
      directory,
      policy: office.policy,
      present: office.availability.isPresent,
      sender: channels,
      clock,
      ids,
      messages: escalationMessages,
      logger,
      personOf: (userId) => (directory.person(userId) ? userId : undefined),
      pseudonymOf: recorder.pseudonym,
    }),
    maskFreeText,
  );
  const guardrail =
    overrides.guardrail ??
    createPolicyGuardrail(policies, {
      knownStaffNames: directory.people().map((person) => person.name),
      today: () => config.today ?? clock.now().toISOString().slice(0, 10),
    });
  const index = shared ? createIndexReplicaState({ store, knowledge, logger, replicaId, now: () => clock.now() }) : undefined;
  const opened = await knowledge.open();
  logger.info('index-ready', { how: opened, chunks: knowledge.lexical.size, version: knowledge.indexVersion() });
  const lexical = currentLexical(knowledge);
  const textOf = (id: string): string => knowledge.textOf(id);
  const chat = maskFeedbackReasons(
    createConversationCore<RetrievalHit>({
      answer: {
        retriever: { retrieve: (query, options) => knowledge.retrieve(query, options) },
        confidence: (query, hits, scope) => {
          if (!overrides.onConfidence) return estimateConfidence({ query, hits, textOf, analyzer, lexical, ...(scope ? { scope } : {}) });
          const features = evidenceFeatures({ query, hits, textOf, analyzer, lexical, ...(scope ? { scope } : {}) });
          const confidence = confidenceFromFeatures(features);
          overrides.onConfidence({ query, features, confidence });
          return confidence;
        },
        knowledge: knowledge.store,
        analyzer,
        lexical,
        messages: loadMessages().messages,
        minConfidence: config.minConfidence,
        indexVersion: () => knowledge.indexVersion(),
        ...(model ? { generation: { model, templates, analyzer } } : {}),
      },
      ...(model ? { rewrite: (history, question) => rewriteFollowUp({ model, templates }, { history, question }) } : {}),
      conversations,
      guardrail,
      smallTalk: loadSmallTalkMessages(),
      referrals: escalationReferrals(escalationPolicy),
      pseudonymOf: recorder.pseudonym,
      trainingGateNote: (today) => trainingGateNote(transparencyTexts.trainingGate, knowledge.store.allChunks(), today),
      presentation: loadPresentation({ policiesDir: config.policiesDir }),
      directAnswer: (question, userId) => {
        if (!asksForOwnLotse(question)) return undefined;
        const own = describeOwnLotsen(
          { directory, messages: escalationMessages, centralPool: escalationPolicy.centralPool },
          directory.person(userId) ? userId : undefined,
        );
        return {
          outcome: 'answered',
          answer: own.text,
          citations: [own.citation],
          retrieved: [],
          confidence: 1,
          provenance: { mode: 'directory', indexVersion: knowledge.indexVersion() },
        };
      },
      audit: recorder,
      clock,
      ids,
      logger,
      topK: 10,
      ...(config.today ? { today: config.today } : {}),
      status: cachedStatus(
        async () => ({
          ready: (await databaseReady()) && (index?.follower.ready() ?? true), // with replicas: once a published index is loaded
          documents: knowledge.store.listDocuments().length,
          chunks: knowledge.lexical.size,
          indexVersion: knowledge.indexVersion(),
        }),
        { clock },
      ),
    }),
    maskFreeText,
  );
  const titleOf = (clause: string): string => policies.clauses.find((entry) => entry.id === clause)?.title ?? clause;
  const transparency: TransparencyFacts = {
    model: model?.id ?? null,
    policyVersion: policies.version,
    indexVersion: () => knowledge.indexVersion(),
    agreement: () => findUsageAgreement(knowledge.store, config.today ?? clock.now().toISOString().slice(0, 10)),
    rules: [
      ...policies.rules.map((rule) => ({ id: rule.id, clause: rule.clause, title: titleOf(rule.clause), action: rule.action })),
      { id: 'pii', clause: policies.pii.clause, title: titleOf(policies.pii.clause), action: 'redact' },
    ],
  };
  const reidentification = createLotseReidentification({
    store,
    directory,
    audit,
    pseudonym: recorder.pseudonym,
    clock,
    policyVersion: policies.version,
    indexVersion: () => knowledge.indexVersion(),
  });
  const recordRetention = loadRecordRetention(config.policiesDir);
  const purgeConversations = (now: Date): Promise<number> =>
    conversations.purgeInactive(new Date(now.getTime() - recordRetention.conversations * 86_400_000).toISOString());
  const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();
  const purgeRecords = (now: Date): Promise<Record<string, number>> =>
    new SqlRecordPurge(store).purge({
      tickets: daysBefore(now, recordRetention.tickets),
      feedback: daysBefore(now, recordRetention.feedback),
      inbox: daysBefore(now, recordRetention.inbox),
      outboxes: daysBefore(now, recordRetention.outboxes),
    });
  const messagesOf = async (userId: string, conversationId: string): Promise<readonly StoredMessage[]> =>
    (await conversations.isOwner(conversationId, userId)) ? conversations.recentMessages(conversationId, 200) : [];
  const faq = createFaqLoop({
    escalation,
    drafts: new SqlFaqDrafts(store),
    directory,
    knowledge,
    now: () => clock.now(),
    sender: channels,
    messages: escalationMessages,
    maskText: maskFreeText,
    ...(model ? { drafter: (ticket: { question: string; answer: string }) => draftFaqEntry({ model, templates }, ticket) } : {}),
    ...(index ? { indexFaq: async () => void (await index.requestReindex()) } : {}),
  });
  const hr = auditHrApprovals(
    createHr({ store, directory, channels, clock, ids, logger, policiesDir: config.policiesDir, policy: hrPolicy, maskText: maskFreeText }),
    createAdminAudit(audit, {
      pseudonym: recorder.pseudonym,
      now: () => clock.now(),
      policyVersion: policies.version,
      indexVersion: () => knowledge.indexVersion(),
    }),
  );
  const close = async (): Promise<void> => {
    hr.close();
    office.stop();
    if (directorySync) await leases.release('directory-import', replicaId).catch(() => undefined); // else it runs out
    await databases.close();
  };
  return {
    config,
    chat,
    knowledge,
    store,
    local,
    audit,
    pseudonymOf: recorder.pseudonym,
    reidentification,
    escalation,
    availability: office.availability,
    inbox,
    channels,
    directory,
    conversations,
    faq,
    hr,
    messagesOf,
    retentionDays: { ...policies.retentionDays, admin: policies.retentionDays.security },
    purgeConversations,
    purgeRecords,
    maskText: maskFreeText,
    transparency,
    leases,
    replicaId,
    ...(index ? { index } : {}),
    ...(directorySync ? { directorySync } : {}),
    close,
  };
}
