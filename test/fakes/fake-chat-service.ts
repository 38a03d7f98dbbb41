import type { ChatService, FeedbackInput, FeedbackOutcome, ServiceStatus } from '../../bot/ports/chat-service.ts';
import type { InboundMessage, TurnResult } from '../../bot/ports/turn.ts';

/** What the fake answers: a partial turn result (merged over a default answer) or a function of the message. */
export type FakeTurn = Partial<TurnResult> | ((message: InboundMessage) => Partial<TurnResult>);

/**
 * A deterministic `ChatService` for channel tests: answers from a value, a list (one per call, the last
 * repeats) or a function; numbers conversations and messages; records turns and feedback.
 */
export class FakeChatService implements ChatService {
  readonly turns: InboundMessage[] = [];
  readonly feedback: FeedbackInput[] = [];
  private readonly replies: FakeTurn[];

  constructor(reply: FakeTurn | readonly FakeTurn[] = {}) {
    this.replies = Array.isArray(reply) ? [...(reply as readonly FakeTurn[])] : [reply as FakeTurn];
  }

  async handleTurn(message: InboundMessage): Promise<TurnResult> {
    this.turns.push(message);
    const next = this.replies.length > 1 ? this.replies.shift()! : this.replies[0]!;
    const partial = typeof next === 'function' ? next(message) : next;
    return {
      conversationId: message.conversationId ?? `conversation-${this.turns.length}`,
      messageId: `message-${this.turns.length}`,
      question: message.text,
      outcome: 'answered',
      answer: `Antwort auf: ${message.text}`,
      citations: [],
      retrieved: [],
      confidence: 0.8,
      rules: [],
      actions: [],
      provenance: { mode: 'extractive', indexVersion: 'fake' },
      latencyMs: 1,
      ...partial,
    };
  }

  async recordFeedback(input: FeedbackInput): Promise<FeedbackOutcome> {
    this.feedback.push(input);
    return input.messageId.startsWith('message-') ? { kind: 'recorded' } : { kind: 'not_found' };
  }

  async status(): Promise<ServiceStatus> {
    return { ready: true, documents: 0, chunks: 0, indexVersion: 'fake' };
  }
}
