import { xml } from '@xmpp/client';
import { describe, expect, it } from 'vitest';
import { bareJid, chatMessage, readMessage } from '../../../../../bot/adapters/channels/xmpp/xmpp-stanzas.ts';

const own = 'lotse@musterland.example';

describe('readMessage', () => {
  it('reads a chat message with a receipt request', () => {
    const stanza = xml(
      'message',
      { from: 'Erika@Musterland.example/laptop', type: 'chat', id: 'q1' },
      xml('body', {}, 'Hallo'),
      xml('request', { xmlns: 'urn:xmpp:receipts' }),
    );
    expect(readMessage(stanza, own)).toEqual({
      kind: 'chat',
      from: 'Erika@Musterland.example/laptop',
      bareFrom: 'erika@musterland.example',
      body: 'Hallo',
      id: 'q1',
      wantsReceipt: true,
    });
  });

  it('ignores carbons, own messages, server messages, group chats and chat states without body', () => {
    const carbon = xml(
      'message',
      { from: own },
      xml(
        'received',
        { xmlns: 'urn:xmpp:carbons:2' },
        xml('forwarded', { xmlns: 'urn:xmpp:forward:0' }, xml('message', { from: 'erika@musterland.example' }, xml('body', {}, 'x'))),
      ),
    );
    expect(readMessage(carbon, own)).toEqual({ kind: 'ignored', reason: 'carbon' });
    expect(readMessage(xml('message', { from: `${own}/other`, type: 'chat' }, xml('body', {}, 'x')), own)).toEqual({
      kind: 'ignored',
      reason: 'own',
    });
    expect(readMessage(xml('message', { from: 'musterland.example' }, xml('body', {}, 'Wartung')), own)).toEqual({
      kind: 'ignored',
      reason: 'server',
    });
    expect(readMessage(xml('message', { from: 'raum@conference.example/x', type: 'groupchat' }, xml('body', {}, 'x')), own)).toEqual({
      kind: 'ignored',
      reason: 'type',
    });
    expect(
      readMessage(
        xml(
          'message',
          { from: 'erika@musterland.example/l', type: 'chat' },
          xml('composing', { xmlns: 'http://jabber.org/protocol/chatstates' }),
        ),
        own,
      ),
    ).toEqual({ kind: 'ignored', reason: 'no-body' });
  });

  it('recognises a delivery receipt', () => {
    const stanza = xml('message', { from: 'erika@musterland.example/l' }, xml('received', { xmlns: 'urn:xmpp:receipts', id: 'lotse-1' }));
    expect(readMessage(stanza, own)).toEqual({ kind: 'receipt', bareFrom: 'erika@musterland.example', id: 'lotse-1' });
  });
});

describe('chatMessage and bareJid', () => {
  it('builds a chat message that asks for a receipt', () => {
    expect(chatMessage('erika@musterland.example', 'lotse-1', 'Text').toString()).toBe(
      '<message to="erika@musterland.example" id="lotse-1" type="chat"><body>Text</body><active xmlns="http://jabber.org/protocol/chatstates"/><request xmlns="urn:xmpp:receipts"/></message>',
    );
    expect(bareJid('A@B.example/res/x')).toBe('a@b.example');
  });
});
