/**
 * Digitallotsen tickets: a question lotse could not answer (or the asker wanted a person for), routed to
 * a Lotse, answered, and returned to the asker in the channel they asked in.
 */
import type { ChannelName } from './turn.ts';

/** States of a ticket; every transition is stored with time and actor. */
export const ticketStates = ['open', 'claimed', 'answered', 'closed', 'returned', 'rerouted', 'expired'] as const;
export type TicketState = (typeof ticketStates)[number];

/** Why a ticket exists. */
export type TicketReason = 'no_answer' | 'user_request' | 'unhelpful_answer';

/** Where a ticket is queued. */
export type TicketPool =
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'central' }
  | { readonly kind: 'it-servicedesk' }
  | { readonly kind: 'dsb' };

/** A passage the bot tried before giving up (shown to the Lotse). */
export interface TriedPassage {
  readonly document: string;
  readonly title: string;
  readonly section: string;
}

/** How to reach the asker again (the channel adapter interprets `reference`). */
export interface ConversationReference {
  readonly channel: ChannelName;
  readonly conversationId: string;
  /** Channel-specific JSON (Teams conversation reference, JID, …); absent for the web inbox. */
  readonly reference?: string;
}

/** A ticket as stored. */
export interface Ticket {
  readonly id: string;
  /** Short number for humans and chat commands ("antwort 12 …"). */
  readonly number: number;
  readonly state: TicketState;
  readonly question: string;
  readonly excerpt: readonly { readonly role: 'user' | 'bot'; readonly text: string }[];
  readonly tried: readonly TriedPassage[];
  readonly reason: TicketReason;
  readonly topic?: string;
  readonly askerId: string;
  readonly askerUnit?: string;
  readonly replyTo: ConversationReference;
  readonly pool: TicketPool;
  /** People who may claim it now (Lotsen of the unit, then deputies, then the central pool). */
  readonly candidates: readonly string[];
  readonly assignee?: string;
  readonly answer?: { readonly text: string; readonly by: string; readonly at: string };
  /** The bot answer whose "Digitallotse fragen" created the ticket (absent on tickets created before issue #19). */
  readonly sourceMessageId?: string;
  /** The latest return by the asker, with the reason they gave (issue #19, item 6). */
  readonly returned?: { readonly at: string; readonly note?: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-concurrency version: every change increments it. */
  readonly version: number;
}

/** One stored state change. */
export interface TicketEvent {
  readonly ticketId: string;
  readonly at: string;
  readonly actor: string;
  readonly from: TicketState | null;
  readonly to: TicketState;
  readonly note?: string;
}

/** Persistence of tickets (asynchronous, issue #20); `update` resolves false when the version changed meanwhile. */
export interface TicketStore {
  /** Stores a new ticket under the next free number (unique across replicas) with its first event. */
  create(ticket: Omit<Ticket, 'number'>, event: TicketEvent): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  byNumber(number: number): Promise<Ticket | undefined>;
  /** Replaces the ticket if its stored version is `expectedVersion`; appends the event in the same transaction. */
  update(ticket: Ticket, expectedVersion: number, event: TicketEvent): Promise<boolean>;
  /** Tickets matching every given filter, by number. */
  list(filter: { states?: readonly TicketState[]; candidate?: string; assignee?: string; askerId?: string }): Promise<Ticket[]>;
  events(ticketId: string): Promise<TicketEvent[]>;
  /** Records that a reminder step was sent; false when it already was (no double sends, also across restarts). */
  markReminder(ticketId: string, step: string, at: string): Promise<boolean>;
}
