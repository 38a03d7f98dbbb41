/**
 * The bot's roster as the server reports it (the roster result at login, then roster pushes), so that the
 * channel greets only a new contact, shows itself online to people who have not subscribed, and withdraws
 * pending requests of its own, which the server would send again after every reconnect (issue #19, item 10).
 */
import type { Element } from '@xmpp/xml';
import { bareJid } from './xmpp-stanzas.ts';

const rosterNs = 'jabber:iq:roster';

interface RosterItem {
  readonly subscription: string;
  readonly ask: boolean;
}

/** The roster state of one connection. */
export interface Roster {
  /**
   * Applies a roster result (replaces everything) or push; false when `stanza` is no roster stanza. Only the
   * server may send them (no `from`, or the bot's own bare JID, RFC 6121 §2.1.6): others are ignored.
   */
  apply(stanza: Element, ownBare: string): boolean;
  /** The contact receives the bot's presence (subscription `from` or `both`). */
  seesBot(jid: string): boolean;
  /** Contacts the bot asked for their presence without an answer yet (`ask="subscribe"`). */
  pendingRequests(): string[];
}

/** Whether a roster stanza comes from the bot's own server (no `from`, or the bot's bare JID). */
export function fromServer(stanza: Element, ownBare: string): boolean {
  const from = stanza.attrs.from ? String(stanza.attrs.from) : '';
  return from === '' || bareJid(from) === ownBare;
}

/** An empty roster; fill it with `apply`. */
export function createRoster(): Roster {
  const items = new Map<string, RosterItem>();
  return {
    apply(stanza, ownBare) {
      if (!stanza.is('iq')) return false;
      const type = String(stanza.attrs.type ?? '');
      const query = stanza.getChild('query', rosterNs);
      if (!query || (type !== 'result' && type !== 'set')) return false;
      if (!fromServer(stanza, ownBare)) return true;
      if (type === 'result') items.clear();
      for (const item of query.getChildren('item')) {
        const jid = bareJid(String(item.attrs.jid ?? ''));
        const subscription = String(item.attrs.subscription ?? 'none');
        if (subscription === 'remove') items.delete(jid);
        else items.set(jid, { subscription, ask: item.attrs.ask === 'subscribe' });
      }
      return true;
    },
    seesBot: (jid) => ['from', 'both'].includes(items.get(jid)?.subscription ?? 'none'),
    pendingRequests: () => [...items].filter(([, item]) => item.ask).map(([jid]) => jid),
  };
}
