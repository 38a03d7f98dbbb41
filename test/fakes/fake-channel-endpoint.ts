import type { ChannelEndpoint } from '../../bot/app/channel-router.ts';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../bot/ports/channel-sender.ts';

/** A channel (e.g. a mock Teams connector) that reaches a fixed set of people and records every send. */
export class FakeChannelEndpoint implements ChannelEndpoint {
  readonly sent: { personId: string; message: OutboundMessage; at: number }[] = [];

  constructor(
    private readonly people: ReadonlySet<string> | ((personId: string) => boolean),
    private readonly result:
      DeliveryResult | ((recipient: Recipient, message: OutboundMessage) => DeliveryResult | Promise<DeliveryResult>) = {
      kind: 'delivered',
    },
  ) {}

  reaches(personId: string): boolean {
    return typeof this.people === 'function' ? this.people(personId) : this.people.has(personId);
  }

  async send(recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult> {
    const result = typeof this.result === 'function' ? await this.result(recipient, message) : this.result;
    if (result.kind !== 'undeliverable')
      this.sent.push({ personId: recipient.kind === 'person' ? recipient.personId : recipient.userId, message, at: performance.now() });
    return result;
  }

  /** Person ids that received a message of `kind`, sorted. */
  recipients(kind?: OutboundMessage['kind']): string[] {
    return this.sent
      .filter((entry) => !kind || entry.message.kind === kind)
      .map((entry) => entry.personId)
      .sort();
  }
}
