/**
 * Reading and building the stanzas the Jabber channel uses: 1:1 chat messages, chat states
 * (XEP-0085), delivery receipts (XEP-0184), message carbons (XEP-0280, ignored) and presence
 * subscriptions. Only the fields we use are read; everything else is ignored.
 */
import { xml } from '@xmpp/client';
import type { Element } from '@xmpp/xml';

export const receiptsNs = 'urn:xmpp:receipts';
export const chatStatesNs = 'http://jabber.org/protocol/chatstates';
const carbonsNs = 'urn:xmpp:carbons:2';

/** What an inbound message stanza is. */
export type InboundStanza =
  | {
      readonly kind: 'chat';
      readonly from: string;
      readonly bareFrom: string;
      readonly body: string;
      readonly id?: string;
      readonly wantsReceipt: boolean;
    }
  | { readonly kind: 'receipt'; readonly bareFrom: string; readonly id: string }
  | { readonly kind: 'ignored'; readonly reason: 'carbon' | 'no-body' | 'type' | 'own' | 'server' };

/** The bare JID (`user@domain`) of a full JID, lower-cased. */
export function bareJid(jid: string): string {
  return jid.split('/')[0]!.toLowerCase();
}

/** Classifies a `<message/>` stanza; `ownBare` is the bot's own bare JID. */
export function readMessage(stanza: Element, ownBare: string): InboundStanza {
  const from = String(stanza.attrs.from ?? '');
  const bare = bareJid(from);
  if (stanza.getChild('received', carbonsNs) || stanza.getChild('sent', carbonsNs)) return { kind: 'ignored', reason: 'carbon' };
  if (bare === ownBare) return { kind: 'ignored', reason: 'own' };
  if (!bare.includes('@')) return { kind: 'ignored', reason: 'server' };
  const type = String(stanza.attrs.type ?? 'normal');
  const receipt = stanza.getChild('received', receiptsNs);
  if (receipt?.attrs.id) return { kind: 'receipt', bareFrom: bare, id: String(receipt.attrs.id) };
  if (type !== 'chat' && type !== 'normal') return { kind: 'ignored', reason: 'type' };
  const body = stanza.getChildText('body');
  if (body === null) return { kind: 'ignored', reason: 'no-body' };
  const id = stanza.attrs.id ? String(stanza.attrs.id) : undefined;
  return {
    kind: 'chat',
    from,
    bareFrom: bare,
    body,
    ...(id ? { id } : {}),
    wantsReceipt: Boolean(id && stanza.getChild('request', receiptsNs)),
  };
}

/** A chat message that asks for a delivery receipt and marks the chat state active. */
export function chatMessage(to: string, id: string, body: string): Element {
  return xml(
    'message',
    { to, id, type: 'chat' },
    xml('body', {}, body),
    xml('active', { xmlns: chatStatesNs }),
    xml('request', { xmlns: receiptsNs }),
  );
}

/** "lotse is typing". */
export function composing(to: string): Element {
  return xml('message', { to, type: 'chat' }, xml('composing', { xmlns: chatStatesNs }));
}

/** The receipt for a message that asked for one. */
export function receiptFor(to: string, id: string): Element {
  return xml('message', { to }, xml('received', { xmlns: receiptsNs, id }));
}

/** A presence stanza of the given type to `to` (subscribed, unsubscribed, subscribe, unsubscribe). */
export function presenceTo(to: string, type: 'subscribed' | 'unsubscribed' | 'subscribe' | 'unsubscribe'): Element {
  return xml('presence', { to, type });
}
