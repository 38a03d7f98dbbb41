/**
 * Issue #22, suggested next questions and Leichte Sprache through the real web server: `/api/chat` returns
 * `suggestions` taken from the cited document (FAQ questions or "Mehr zu: <Abschnitt>"), none after a refusal,
 * an abstention or small talk; `plainLanguage: true` gives an extractive answer in short sentences with the
 * administration's terms explained, while the citation quote stays the document's wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;

beforeAll(async () => {
  app = await startRealApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

interface ChatAnswer {
  outcome: string;
  answer: string;
  citations: { document: string; section: string; quote: string }[];
  provenance: { mode: string; plainLanguage?: boolean };
  suggestions: string[];
}

async function ask(text: string, extra: Record<string, unknown> = {}): Promise<ChatAnswer> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...extra }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatAnswer;
}

describe('suggestions', () => {
  it('offers other approved questions of the same FAQ after an FAQ answer', async () => {
    const result = await ask('Wo beantrage ich mobiles Arbeiten?');
    expect(result.provenance.mode).toBe('faq');
    expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions).toContain('Wie viele Tage darf ich von zu Hause arbeiten?');
    expect(result.suggestions).not.toContain('Wo beantrage ich mobiles Arbeiten?');
    const faq = app.lotse.knowledge.store
      .chunksOf('faq/faq-digitales-arbeiten.md')
      .flatMap((chunk) => (chunk.faq ? [chunk.faq.question] : []));
    for (const suggestion of result.suggestions) expect(faq).toContain(suggestion);
  });

  it('offers the sections next to the cited passage after an extractive answer', async () => {
    const result = await ask('Darf KI über Beförderungen entscheiden?');
    expect(result.provenance.mode).toBe('extractive');
    expect(result.citations[0]?.section).toBe('§ 4 Keine Entscheidungen über Personen');
    expect(result.suggestions).toEqual([
      'Mehr zu: § 3 Der Mensch entscheidet (DV KI)',
      'Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)',
      'Mehr zu: § 2 Begriffe (DV KI)',
    ]);
  });

  it('every suggestion, sent as the next question, is answered; a section suggestion cites that section', async () => {
    const first = await ask('Darf KI über Beförderungen entscheiden?');
    for (const suggestion of first.suggestions) expect((await ask(suggestion)).outcome).toBe('answered');
    const next = await ask('Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)');
    expect(next.citations[0]).toMatchObject({ document: 'dienstvereinbarungen/dv-ki.md', section: '§ 5 Schutz personenbezogener Daten' });
  });

  it('offers none after a refusal, an abstention or small talk', async () => {
    expect(await ask('Soll ich den Bewerber Müller einstellen?')).toMatchObject({ outcome: 'refused', suggestions: [] });
    expect(await ask('Wie hoch ist die Hundesteuer in Musterland?')).toMatchObject({ outcome: 'no_answer', suggestions: [] });
    expect(await ask('Hallo')).toMatchObject({ suggestions: [] });
  });
});

describe('Leichte Sprache', () => {
  const question = 'Was kann ich gegen eine Ablehnung des mobilen Arbeitens tun?';

  it('splits long sentences and explains the terms of an extractive answer; the quote stays verbatim', async () => {
    const normal = await ask(question);
    const plain = await ask(question, { plainLanguage: true });
    expect(plain.provenance).toMatchObject({ mode: 'extractive', plainLanguage: true });
    expect(plain.citations).toEqual(normal.citations);
    const quote =
      'Gegen eine Ablehnung kann die oder der Beschäftigte das Haupt- und Personalamt um Vermittlung bitten; der Personalrat kann hinzugezogen werden.';
    expect(plain.citations[0]?.quote).toContain(quote);
    expect(normal.answer).toContain(quote);
    expect(plain.answer).not.toContain(quote);
    expect(plain.answer).toMatch(/^In einfacher Sprache:/);
    expect(plain.answer).toContain(
      'Gegen eine Ablehnung kann die oder der Beschäftigte das Haupt- und Personalamt um Vermittlung bitten.\nDer Personalrat kann hinzugezogen werden.',
    );
    expect(plain.answer).toContain('Schwere Wörter erklärt:\n');
    expect(plain.answer).toContain('• Personalrat: die gewählte Vertretung der Beschäftigten.');
    expect(normal.answer).not.toContain('Schwere Wörter');
  });

  it('explains "Dienstvereinbarung" from the glossary', async () => {
    const plain = await ask('Darf KI über Beförderungen entscheiden?', { plainLanguage: true });
    expect(plain.answer).toContain('• Dienstvereinbarung: eine Vereinbarung zwischen Verwaltung und Personalrat.');
  });

  it('rejects a plainLanguage flag that is not a boolean', async () => {
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: question, plainLanguage: 'ja' }),
    });
    expect(response.status).toBe(400);
  });
});
