import type {
  ConnectorOutcome,
  CreateOutcome,
  OutgoingActivity,
  TeamsConnector,
} from '../../bot/adapters/channels/teams/teams-connector.ts';

/** One recorded call of the fake connector. */
export interface FakeConnectorCall {
  readonly op: 'send' | 'update' | 'create';
  readonly reference: string;
  readonly activity?: OutgoingActivity;
  readonly activityId?: string;
  readonly at: number;
}

/** What the fake answers: an outcome, a list (one per call, the last repeats) or a function of the call. */
export type FakeConnectorReply = ConnectorOutcome | ((call: FakeConnectorCall) => ConnectorOutcome);

/**
 * A deterministic `TeamsConnector` for tests: records every call and answers from a value, a list or a
 * function; ids of sent activities are `sent-1`, `sent-2` …
 */
export class FakeTeamsConnector implements TeamsConnector {
  readonly calls: FakeConnectorCall[] = [];
  private readonly replies: FakeConnectorReply[];
  private sent = 0;

  constructor(reply: FakeConnectorReply | readonly FakeConnectorReply[] = { kind: 'ok' }) {
    this.replies = Array.isArray(reply) ? [...(reply as readonly FakeConnectorReply[])] : [reply as FakeConnectorReply];
  }

  send(reference: string, activity: OutgoingActivity): Promise<ConnectorOutcome> {
    return Promise.resolve(this.answer({ op: 'send', reference, activity, at: Date.now() }));
  }

  update(reference: string, activityId: string, activity: OutgoingActivity): Promise<ConnectorOutcome> {
    return Promise.resolve(this.answer({ op: 'update', reference, activity, activityId, at: Date.now() }));
  }

  createPersonal(input: { serviceUrl: string; agentId: string; tenantId?: string; userId: string }): Promise<CreateOutcome> {
    this.calls.push({ op: 'create', reference: JSON.stringify(input), at: Date.now() });
    const conversationId = `a:fake-${input.userId}`;
    return Promise.resolve({
      kind: 'created',
      conversationId,
      reference: JSON.stringify({ conversation: { id: conversationId }, serviceUrl: input.serviceUrl }),
    });
  }

  private answer(call: FakeConnectorCall): ConnectorOutcome {
    const position = Math.min(this.calls.filter((entry) => entry.op !== 'create').length, this.replies.length - 1);
    this.calls.push(call);
    const reply = this.replies[position]!;
    const outcome = typeof reply === 'function' ? reply(call) : reply;
    if (outcome.kind === 'ok' && !outcome.activityId && call.op === 'send') {
      this.sent += 1;
      return { kind: 'ok', activityId: `sent-${this.sent}` };
    }
    return outcome;
  }
}
