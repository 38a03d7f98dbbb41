/**
 * A conversation core over two tiny county documents (Viersen, Unna) with fakes for every port: the shared
 * fixture of the conversation-core unit tests.
 */
import { createConversationCore, type ConversationDeps } from '../../bot/core/conversation/conversation-core.ts';
import type { ChatService } from '../../bot/ports/chat-service.ts';
import { allowAllGuardrail, type Guardrail } from '../../bot/ports/guardrail.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadMessages } from '../../prompts/load-messages.ts';
import { fakeAnalyzer, flatIdfLexical } from './fake-analyzer.ts';
import { OverlapRetriever } from './fake-retriever.ts';
import { FixedClock, SequentialIds } from './fixed-clock.ts';
import type { InMemoryConversationStore } from './in-memory-conversation-store.ts';
import { InMemoryKnowledgeStore, sampleDocument } from './in-memory-knowledge-store.ts';

/** Options of the fixture. */
export interface TwoCountyCoreOptions {
  readonly conversations: InMemoryConversationStore;
  readonly guardrail?: Guardrail;
  readonly smallTalk?: ConversationDeps['smallTalk'];
  /** A retriever that rejects (a broken index). */
  readonly failing?: boolean;
}

/** The core and the retriever it uses (its `calls` show what was searched). */
export function twoCountyCore(options: TwoCountyCoreOptions): { chat: ChatService; retriever: OverlapRetriever } {
  const store = new InMemoryKnowledgeStore();
  store.putDocument(
    sampleDocument({ id: 'viersen.txt', title: 'Strategie Viersen', tenant: 'Kreis Viersen' }, [
      'Der Kreis Viersen hat 37 Digitallotsen in allen Ämtern.',
    ]),
  );
  store.putDocument(
    sampleDocument({ id: 'unna.txt', title: 'Agenda Unna', tenant: 'Kreis Unna' }, [
      'Der Kreis Unna setzt auf 12 Digitallotsen im Netzwerk.',
    ]),
  );
  const retriever = new OverlapRetriever(store, fakeAnalyzer);
  const chat = createConversationCore({
    answer: {
      retriever: options.failing ? { retrieve: () => Promise.reject(new Error('index broken')) } : retriever,
      confidence: (_query, hits) => hits[0]?.score ?? 0,
      knowledge: store,
      analyzer: fakeAnalyzer,
      lexical: flatIdfLexical,
      messages: loadMessages().messages,
      minConfidence: 0.3,
      indexVersion: () => 'v1',
    },
    conversations: options.conversations,
    guardrail: options.guardrail ?? allowAllGuardrail,
    ...(options.smallTalk ? { smallTalk: options.smallTalk } : {}),
    clock: new FixedClock(),
    ids: new SequentialIds(),
    logger: silentLogger,
    topK: 5,
    status: async () => ({ ready: true, documents: 2, chunks: 2, indexVersion: 'v1' }),
  });
  return { chat, retriever };
}
