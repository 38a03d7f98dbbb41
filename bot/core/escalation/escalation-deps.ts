/**
 * What the escalation workflow needs, injected by the composition root.
 */
import type { ChannelSender } from '../../ports/channel-sender.ts';
import type { Clock, IdGenerator } from '../../ports/clock.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';
import type { Directory } from '../../ports/directory.ts';
import type { TicketStore } from '../../ports/tickets.ts';
import type { Logger } from '../../shared/logger.ts';
import type { EscalationMessages } from './escalation-messages.ts';
import type { EscalationPolicy } from './escalation-policy.ts';

/** Dependencies of the escalation workflow. */
export interface EscalationDeps {
  readonly tickets: TicketStore;
  readonly conversations: ConversationStore;
  readonly directory: Directory;
  readonly policy: EscalationPolicy;
  readonly sender: ChannelSender;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly messages: EscalationMessages;
  readonly logger: Logger;
  /** The directory person id of a channel user id, when known. */
  readonly personOf: (userId: string) => string | undefined;
  /** The pseudonym that names a person or user in logs (the audit pseudonym), never their id (issue #19, item 9). */
  readonly pseudonymOf?: (id: string) => string;
  /** False for a Lotse who is absent today ("abwesend bis", issue #22); everyone is present without it. */
  readonly present?: (personId: string) => boolean;
}
