import { describe, expect, it } from 'vitest';
import { draftFaqEntry } from '../../../../bot/core/generation/draft-faq-entry.ts';
import { loadTemplates } from '../../../../prompts/load-templates.ts';
import { FakeChatModel } from '../../../fakes/fake-chat-model.ts';

const templates = loadTemplates();
const ticket = {
  question: 'Frau Krüger fragt: wie bekomme ich für meinen Rechner einen zweiten Bildschirm?',
  answer: 'Einen zweiten Bildschirm bestellt Ihre Teamleitung im IT-Serviceportal; die Lieferung dauert etwa 10 Tage.',
};

describe('FAQ draft by the language model', () => {
  it('returns the generalised question and the answer from validated JSON, with the ticket as data', async () => {
    const model = new FakeChatModel(
      'Hier der Entwurf: {"frage": "Wie bekomme ich einen zweiten Bildschirm?", "antwort": "Ihre Teamleitung bestellt ihn im IT-Serviceportal; die Lieferung dauert etwa 10 Tage."}',
    );
    expect(await draftFaqEntry({ model, templates }, ticket)).toEqual({
      kind: 'drafted',
      question: 'Wie bekomme ich einen zweiten Bildschirm?',
      answer: 'Ihre Teamleitung bestellt ihn im IT-Serviceportal; die Lieferung dauert etwa 10 Tage.',
    });
    expect(model.messagesOf(0).user).toContain('<anfrage>\nFrau Krüger fragt');
  });

  it('discards drafts with invented figures, malformed output and model failures', async () => {
    const invented = new FakeChatModel('{"frage": "Wie bekomme ich einen zweiten Bildschirm?", "antwort": "Die Lieferung dauert 3 Tage."}');
    expect(await draftFaqEntry({ model: invented, templates }, ticket)).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringContaining('3'),
    });
    expect((await draftFaqEntry({ model: new FakeChatModel('keine Ahnung'), templates }, ticket)).kind).toBe('unavailable');
    expect((await draftFaqEntry({ model: new FakeChatModel({ kind: 'timeout', detail: 'slow' }), templates }, ticket)).kind).toBe(
      'unavailable',
    );
  });
});
