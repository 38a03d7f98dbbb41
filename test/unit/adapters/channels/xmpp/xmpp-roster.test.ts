import { xml } from '@xmpp/client';
import { describe, expect, it } from 'vitest';
import { createRoster } from '../../../../../bot/adapters/channels/xmpp/xmpp-roster.ts';

const own = 'lotse@musterland.example';
const query = (...items: ReturnType<typeof xml>[]) => xml('query', { xmlns: 'jabber:iq:roster' }, ...items);

describe('createRoster', () => {
  it('reads the roster result, applies pushes of the server and ignores those of anybody else', () => {
    const roster = createRoster();
    expect(
      roster.apply(
        xml(
          'iq',
          { type: 'result', id: 'r1' },
          query(
            xml('item', { jid: 'frank@musterland.example', subscription: 'from' }),
            xml('item', { jid: 'Tobias@musterland.example', subscription: 'none', ask: 'subscribe' }),
          ),
        ),
        own,
      ),
    ).toBe(true);
    expect(roster.seesBot('frank@musterland.example')).toBe(true);
    expect(roster.pendingRequests()).toEqual(['tobias@musterland.example']);
    // A push from another user is consumed but changes nothing.
    expect(
      roster.apply(
        xml(
          'iq',
          { type: 'set', from: 'sabine@musterland.example/x' },
          query(xml('item', { jid: 'marek@musterland.example', subscription: 'both' })),
        ),
        own,
      ),
    ).toBe(true);
    expect(roster.seesBot('marek@musterland.example')).toBe(false);
    // The server's pushes count (no `from`, or the bot's own bare JID).
    roster.apply(
      xml('iq', { type: 'set', from: own }, query(xml('item', { jid: 'tobias@musterland.example', subscription: 'none' }))),
      own,
    );
    roster.apply(xml('iq', { type: 'set' }, query(xml('item', { jid: 'frank@musterland.example', subscription: 'remove' }))), own);
    expect(roster.pendingRequests()).toEqual([]);
    expect(roster.seesBot('frank@musterland.example')).toBe(false);
    expect(roster.apply(xml('message', { type: 'chat' }), own)).toBe(false);
  });
});
