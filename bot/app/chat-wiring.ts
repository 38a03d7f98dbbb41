/**
 * Wires the conversation core for createLotse: retrieval and confidence on the knowledge base (with the
 * `onConfidence` hook for fitting), generation and follow-up rewriting when a model is configured, the
 * directory answer to "Wer ist mein Digitallotse?", referrals, presentation and the cached service status.
 */
import { loadMessages, loadSmallTalkMessages } from '../../prompts/load-messages.ts';
import type { loadTemplates } from '../../prompts/load-templates.ts';
import { loadPresentation } from '../../prompts/load-presentation.ts';
import type { LotseConfig } from '../config/config.ts';
import { createConversationCore } from '../core/conversation/conversation-core.ts';
import { trainingGateNote, type TrainingGateTexts } from '../core/conversation/training-gate-note.ts';
import type { EscalationMessages } from '../core/escalation/escalation-messages.ts';
import type { EscalationPolicy } from '../core/escalation/escalation-policy.ts';
import { escalationReferrals } from '../core/escalation/referrals.ts';
import { asksForOwnLotse, describeOwnLotsen } from '../core/escalation/who-is-my-lotse.ts';
import { rewriteFollowUp } from '../core/generation/rewrite-follow-up.ts';
import { confidenceFromFeatures, estimateConfidence, evidenceFeatures, type ConfidenceObservation } from '../core/retrieval/confidence.ts';
import type { RetrievalHit } from '../core/retrieval/hybrid-retriever.ts';
import type { ChatModel } from '../ports/chat-model.ts';
import type { ChatService } from '../ports/chat-service.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { ConversationStore } from '../ports/conversation-store.ts';
import type { Directory } from '../ports/directory.ts';
import type { Guardrail } from '../ports/guardrail.ts';
import type { TextAnalyzer } from '../ports/search.ts';
import type { Logger } from '../shared/logger.ts';
import type { createAuditRecorder } from './audit-trail.ts';
import { cachedStatus } from './cached-status.ts';
import { currentLexical } from './current-lexical.ts';
import type { IndexReplicaState } from './index-replica-state.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { maskFeedbackReasons } from './mask-free-text-inputs.ts';

/** What the conversation core is built from (all of it made by createLotse). */
export interface ChatWiring {
  readonly config: LotseConfig;
  readonly knowledge: KnowledgeBase;
  readonly analyzer: TextAnalyzer;
  /** The chat model; none: answers are extracted from the documents. */
  readonly model: ChatModel | null;
  readonly templates: ReturnType<typeof loadTemplates>;
  readonly trainingGate: TrainingGateTexts;
  readonly conversations: ConversationStore;
  readonly guardrail: Guardrail;
  readonly directory: Directory;
  readonly escalationPolicy: EscalationPolicy;
  readonly escalationMessages: EscalationMessages;
  /** Audit trail and pseudonyms of the askers. */
  readonly recorder: ReturnType<typeof createAuditRecorder>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** Whether the store database answers (/readyz). */
  readonly databaseReady: () => Promise<boolean>;
  /** With replicas: the index follower, ready once a published index is loaded. */
  readonly index: IndexReplicaState | undefined;
  /** Masks personal data in feedback reasons. */
  readonly maskFreeText: (text: string) => string;
  /** Sees the evidence features and the confidence of every answered question (fitting and diagnostics). */
  readonly onConfidence: ((observation: ConfidenceObservation) => void) | undefined;
}

/** The `ChatService` of a lotse instance: the conversation core with feedback reasons masked. */
export function createLotseChat(wiring: ChatWiring): ChatService {
  const { config, knowledge, analyzer, model, templates, directory, escalationPolicy, escalationMessages, recorder, clock, index } = wiring;
  const lexical = currentLexical(knowledge);
  const textOf = (id: string): string => knowledge.textOf(id);
  return maskFeedbackReasons(
    createConversationCore<RetrievalHit>({
      answer: {
        retriever: { retrieve: (query, options) => knowledge.retrieve(query, options) },
        confidence: (query, hits, scope) => {
          if (!wiring.onConfidence) return estimateConfidence({ query, hits, textOf, analyzer, lexical, ...(scope ? { scope } : {}) });
          const features = evidenceFeatures({ query, hits, textOf, analyzer, lexical, ...(scope ? { scope } : {}) });
          const confidence = confidenceFromFeatures(features);
          wiring.onConfidence({ query, features, confidence });
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
      conversations: wiring.conversations,
      guardrail: wiring.guardrail,
      smallTalk: loadSmallTalkMessages(),
      referrals: escalationReferrals(escalationPolicy),
      pseudonymOf: recorder.pseudonym,
      trainingGateNote: (today) => trainingGateNote(wiring.trainingGate, knowledge.store.allChunks(), today),
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
      ids: wiring.ids,
      logger: wiring.logger,
      topK: 10,
      ...(config.today ? { today: config.today } : {}),
      status: cachedStatus(
        async () => ({
          ready: (await wiring.databaseReady()) && (index?.follower.ready() ?? true), // with replicas: once a published index is loaded
          documents: knowledge.store.listDocuments().length,
          chunks: knowledge.lexical.size,
          indexVersion: knowledge.indexVersion(),
        }),
        { clock },
      ),
    }),
    wiring.maskFreeText,
  );
}
