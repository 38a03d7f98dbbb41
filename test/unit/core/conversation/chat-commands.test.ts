import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../../../bot/core/conversation/chat-commands.ts';

describe('parseChatCommand', () => {
  it('recognises help, escalation and the ticket list in any case and with trailing punctuation', () => {
    expect(parseChatCommand('Hilfe')).toEqual({ kind: 'help' });
    expect(parseChatCommand('  ? ')).toEqual({ kind: 'help' });
    expect(parseChatCommand('Lotse!')).toEqual({ kind: 'escalate' });
    expect(parseChatCommand('Digitallotse fragen')).toEqual({ kind: 'escalate' });
    expect(parseChatCommand('TICKETS')).toEqual({ kind: 'tickets' });
  });

  it('reads + and - as feedback, with an optional reason', () => {
    expect(parseChatCommand('+')).toEqual({ kind: 'feedback', rating: 'up' });
    expect(parseChatCommand('- veraltet, es gibt eine neue DA')).toEqual({
      kind: 'feedback',
      rating: 'down',
      reason: 'veraltet, es gibt eine neue DA',
    });
    expect(parseChatCommand('👎')).toEqual({ kind: 'feedback', rating: 'down' });
    expect(parseChatCommand('-5 Grad im Büro?')).toEqual({ kind: 'question', text: '-5 Grad im Büro?' });
  });

  it('parses claim, answer and reroute with a ticket number', () => {
    expect(parseChatCommand('übernehmen 12')).toEqual({ kind: 'claim', number: 12 });
    expect(parseChatCommand('uebernehmen #7')).toEqual({ kind: 'claim', number: 7 });
    expect(parseChatCommand('antwort 12 Die Vorlage liegt\nim Intranet.')).toEqual({
      kind: 'answer',
      number: 12,
      text: 'Die Vorlage liegt\nim Intranet.',
    });
    expect(parseChatCommand('weiterleiten 3 zentral')).toEqual({ kind: 'reroute', number: 3, target: 'central' });
    expect(parseChatCommand('weiterleiten 3')).toEqual({ kind: 'reroute', number: 3, target: 'central' });
    expect(parseChatCommand('weiterleiten 3 Datenschutz')).toEqual({ kind: 'reroute', number: 3, target: 'dsb' });
  });

  it('lets the asker return or close an answered ticket', () => {
    expect(parseChatCommand('zurückgeben 4 Das beantwortet meine Frage nicht.')).toEqual({
      kind: 'return',
      number: 4,
      note: 'Das beantwortet meine Frage nicht.',
    });
    expect(parseChatCommand('zurueckgeben 4')).toEqual({ kind: 'return', number: 4 });
    expect(parseChatCommand('erledigt 4')).toEqual({ kind: 'close', number: 4 });
    expect(parseChatCommand('Erledigt!')).toEqual({ kind: 'question', text: 'Erledigt!' });
    expect(parseChatCommand('zurückgeben')).toEqual({ kind: 'usage', command: 'return' });
  });

  it('asks for the usage when a command is incomplete', () => {
    expect(parseChatCommand('antwort')).toEqual({ kind: 'usage', command: 'answer' });
    expect(parseChatCommand('antwort 12')).toEqual({ kind: 'usage', command: 'answer' });
    expect(parseChatCommand('übernehmen')).toEqual({ kind: 'usage', command: 'claim' });
    expect(parseChatCommand('weiterleiten 4 nirgendwohin')).toEqual({ kind: 'usage', command: 'reroute' });
  });

  it('keeps normal questions that merely start like a command', () => {
    expect(parseChatCommand('Übernehmen Sie die Reisekosten?')).toEqual({ kind: 'question', text: 'Übernehmen Sie die Reisekosten?' });
    expect(parseChatCommand('Antwort auf meinen Antrag?')).toEqual({ kind: 'question', text: 'Antwort auf meinen Antrag?' });
    expect(parseChatCommand('Wie lange gilt mein Passwort?')).toEqual({ kind: 'question', text: 'Wie lange gilt mein Passwort?' });
    expect(parseChatCommand('Wer ist mein Lotse?')).toEqual({ kind: 'question', text: 'Wer ist mein Lotse?' });
  });
});
