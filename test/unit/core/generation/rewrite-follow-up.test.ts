import { describe, expect, it } from 'vitest';
import { rewriteFollowUp } from '../../../../bot/core/generation/rewrite-follow-up.ts';
import { loadTemplates } from '../../../../prompts/load-templates.ts';
import { FakeChatModel } from '../../../fakes/fake-chat-model.ts';

const templates = loadTemplates();
const history = [
  { role: 'user' as const, text: 'Wo melde ich meinen Hund an?' },
  { role: 'assistant' as const, text: 'Beim Steueramt, innerhalb von zwei Wochen [1].' },
];

describe('rewriteFollowUp', () => {
  it('returns the model rewrite, cleaned of quotes and prefixes', async () => {
    const model = new FakeChatModel('Frage: „Was kostet die Anmeldung eines Hundes beim Steueramt?“\n');
    const rewritten = await rewriteFollowUp({ model, templates }, { history, question: 'Und was kostet das?' });
    expect(rewritten).toBe('Was kostet die Anmeldung eines Hundes beim Steueramt?');
    const prompt = model.messagesOf(0).user;
    expect(prompt).toContain('Frage: Wo melde ich meinen Hund an?\nAntwort: Beim Steueramt');
    expect(prompt).toContain('Letzte Frage: Und was kostet das?');
    expect(model.calls[0]?.temperature).toBe(0);
  });

  it('returns the question unchanged without calling the model when there is no history', async () => {
    const model = new FakeChatModel('egal');
    expect(await rewriteFollowUp({ model, templates }, { history: [], question: ' Was kostet ein Hund? ' })).toBe('Was kostet ein Hund?');
    expect(model.calls).toHaveLength(0);
  });

  it('returns null when the model fails or rambles', async () => {
    const failing = new FakeChatModel({ kind: 'unavailable', detail: 'down' });
    expect(await rewriteFollowUp({ model: failing, templates }, { history, question: 'Und dann?' })).toBeNull();
    const rambling = new FakeChatModel('x'.repeat(500));
    expect(await rewriteFollowUp({ model: rambling, templates }, { history, question: 'Und dann?' })).toBeNull();
    const empty = new FakeChatModel('  \n ');
    expect(await rewriteFollowUp({ model: empty, templates }, { history, question: 'Und dann?' })).toBeNull();
  });

  it('sends only the last six turns', async () => {
    const model = new FakeChatModel('Was gilt?');
    const long = Array.from({ length: 10 }, (_, turn) => ({ role: 'user' as const, text: `Frage Nummer ${turn}` }));
    await rewriteFollowUp({ model, templates }, { history: long, question: 'Und?' });
    const prompt = model.messagesOf(0).user;
    expect(prompt).not.toContain('Frage Nummer 3');
    expect(prompt).toContain('Frage Nummer 4');
  });
});
