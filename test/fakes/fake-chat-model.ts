import type { ChatChunk, ChatModel, ChatRequest, ChatResult } from '../../bot/ports/chat-model.ts';

/** What the fake answers: a text, a full result, or a function of the request. */
export type FakeReply = string | ChatResult | ((request: ChatRequest) => string | ChatResult);

/** Options of the fake model. */
export interface FakeChatModelOptions {
  readonly id?: string;
  /** Characters per streamed delta. */
  readonly chunkSize?: number;
}

/**
 * A deterministic `ChatModel` for tests: answers from a value, a list (one per call, the last repeats)
 * or a function; records every request; streams the same answer in fixed-size deltas.
 */
export class FakeChatModel implements ChatModel {
  readonly id: string;
  readonly calls: ChatRequest[] = [];
  private readonly replies: FakeReply[];
  private readonly chunkSize: number;

  constructor(reply: FakeReply | readonly FakeReply[], options: FakeChatModelOptions = {}) {
    this.replies = Array.isArray(reply) ? [...(reply as readonly FakeReply[])] : [reply as FakeReply];
    if (this.replies.length === 0) throw new Error('FakeChatModel needs at least one reply');
    this.id = options.id ?? 'fake-model';
    this.chunkSize = options.chunkSize ?? 7;
  }

  /** The system and user texts of call `index` (for assertions on prompts). */
  messagesOf(index: number): { system: string; user: string } {
    const messages = this.calls[index]?.messages ?? [];
    return {
      system: messages
        .filter((message) => message.role === 'system')
        .map((message) => message.content)
        .join('\n'),
      user: messages
        .filter((message) => message.role === 'user')
        .map((message) => message.content)
        .join('\n'),
    };
  }

  generate(request: ChatRequest): Promise<ChatResult> {
    return Promise.resolve(this.next(request));
  }

  async *stream(request: ChatRequest): AsyncIterable<ChatChunk> {
    const result = this.next(request);
    if (result.kind === 'ok') {
      for (let index = 0; index < result.text.length; index += this.chunkSize) {
        yield { kind: 'delta', text: result.text.slice(index, index + this.chunkSize) };
      }
    }
    yield { kind: 'done', result };
  }

  private next(request: ChatRequest): ChatResult {
    const position = Math.min(this.calls.length, this.replies.length - 1);
    this.calls.push(request);
    const reply = this.replies[position]!;
    const value = typeof reply === 'function' ? reply(request) : reply;
    return typeof value === 'string' ? { kind: 'ok', text: value, model: this.id } : value;
  }
}
