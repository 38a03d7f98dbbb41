/**
 * The composition root of one lotse process: opens the data dir, builds adapters, loads the index and
 * wires them into the conversation core (chat-wiring.ts). CLI commands and the HTTP server start from here;
 * what the returned instance offers is described in lotse.ts.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { loadHrPolicy } from '../../policies/load-broadcasts.ts';
import { loadEscalationPolicy } from '../../policies/load-escalation.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { loadRecordRetention } from '../../policies/load-retention.ts';
import { loadEscalationMessages } from '../../prompts/load-messages.ts';
import { loadTemplates } from '../../prompts/load-templates.ts';
import { loadTransparencyTexts } from '../../prompts/load-transparency-texts.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import { SqlDirectoryVersions } from '../adapters/directory/sql-directory-versions.ts';
import { createConfiguredEmbedder } from '../adapters/embeddings/create-embedder.ts';
import { createChatModel } from '../adapters/llm/create-chat-model.ts';
import { withEverydayWords } from '../adapters/search/everyday-words.ts';
import { createGermanAnalyzer } from '../adapters/search/german-analyzer.ts';
import { HashedNgramEmbedder } from '../adapters/search/hashed-ngram-embedder.ts';
import { SqlAuditLog } from '../adapters/storage/sql-audit-log.ts';
import { SqlConversationStore } from '../adapters/storage/sql-conversation-store.ts';
import { SqlFaqDrafts } from '../adapters/storage/sql-faq-drafts.ts';
import { SqlInbox } from '../adapters/storage/sql-inbox.ts';
import { SqlJobLeases } from '../adapters/storage/sql-job-leases.ts';
import { SqlRecordPurge } from '../adapters/storage/sql-record-purge.ts';
import { SqlTicketStore } from '../adapters/storage/sql-ticket-store.ts';
import type { LotseConfig } from '../config/config.ts';
import { createEscalationService } from '../core/escalation/escalation-service.ts';
import { draftFaqEntry } from '../core/generation/draft-faq-entry.ts';
import { createPolicyGuardrail } from '../core/guardrails/policy-guardrail.ts';
import { createFreeTextMasker } from '../core/hr/mask-free-text.ts';
import type { TransparencyFacts } from '../http/pages.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { StoredMessage } from '../ports/conversation-store.ts';
import type { Directory } from '../ports/directory.ts';
import type { Logger } from '../shared/logger.ts';
import { auditHrApprovals, createAdminAudit } from './admin-audit.ts';
import { auditChainKey, auditKey, createAuditRecorder } from './audit-trail.ts';
import { createChannelRouter } from './channel-router.ts';
import { createLotseChat } from './chat-wiring.ts';
import { createOfficeAvailability } from './create-availability.ts';
import { createHr } from './create-hr.ts';
import { createFaqLoop } from './faq-loop.ts';
import { createIndexReplicaState } from './index-replica-state.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import type { Lotse, LotseOverrides } from './lotse.ts';
import { maskReturnNotes } from './mask-free-text-inputs.ts';
import { openDatabases } from './open-databases.ts';
import { createLotseReidentification } from './reidentification-wiring.ts';
import { startDirectorySync } from './shared-directory.ts';
import { findUsageAgreement } from './usage-agreement.ts';

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
  const german = overrides.analyzer ? undefined : warmedGermanAnalyzer(logger);
  const analyzer = overrides.analyzer ?? withEverydayWords(german!);
  // The everyday-word ranks and typo spellings are built on first use: build them now, not on the first question.
  if (!overrides.analyzer) analyzer.expandQuery?.('ungefähr eigntlich');
  const clock = overrides.clock ?? systemClock;
  const dense = await createConfiguredEmbedder(config.llm);
  const embedders = [{ embedder: new HashedNgramEmbedder(), weight: 0.3 }, ...(dense ? [{ embedder: dense, weight: 0.6 }] : [])];
  const knowledge = new KnowledgeBase({ dataDir: config.dataDir, database: local, analyzer, logger, embedders });
  // Query expansion keeps the thesaurus words the current index contains (it is replaced on rebuild).
  german?.useVocabulary((term) => knowledge.lexical.contains(term));
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
  const chat = createLotseChat({
    config,
    knowledge,
    analyzer,
    model,
    templates,
    trainingGate: transparencyTexts.trainingGate,
    conversations,
    guardrail,
    directory,
    escalationPolicy,
    escalationMessages,
    recorder,
    clock,
    ids,
    logger,
    databaseReady,
    index,
    maskFreeText,
    onConfidence: overrides.onConfidence,
  });
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
