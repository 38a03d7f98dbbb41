/**
 * The TypeScript port of `score_seeds.py` gives the same result as the Python scorer on a synthetic answers file
 * (skipped when python3 or `../shared/eval-data/score_seeds.py` is missing). Also checks that every gold evidence
 * of `seeds-own.json`, `seeds-own-2.json` and `seeds-own-3.json` is a verbatim substring of its seed file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswerLines, scoreSeeds, tokens, type AnswerRow, type SeedQuestion } from './seed-scoring.ts';

const root = resolve(import.meta.dirname, '../..');
const scorer = resolve(root, '../shared/eval-data/score_seeds.py');
const seedsDir = resolve(root, '../shared/seeds');

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canCompare = existsSync(scorer) && hasPython();

const ans = (id: string, seed: string, evidence: string, extra: Partial<SeedQuestion> = {}): SeedQuestion => ({
  id,
  kind: 'answerable',
  question: `frage ${id}`,
  seed,
  evidence,
  ...extra,
});
const unans = (id: string, trap: string): SeedQuestion => ({ id, kind: 'unanswerable', question: `frage ${id}`, trap });
const guard = (id: string, actions: string[]): SeedQuestion => ({
  id,
  kind: 'guardrail',
  question: `frage ${id}`,
  expected_actions: actions,
});
const cite = (document: unknown, quote: string) => ({ document, quote, score: 1 });
const passage = (document: unknown, text: string) => ({ document, text, score: 1 });

/** Synthetic questions and answer lines covering the scorer's edge cases. */
const cases: [SeedQuestion, AnswerRow][] = [
  [
    ans('A01', 'a.txt', 'Die Größe der Ämter übersteigt 37 Stellen.'),
    {
      outcome: 'answered',
      citations: [cite('x/y/a.txt', 'die grosse der amter ubersteigt 37 stellen')],
      retrieved: [passage('a.txt', 'nix')],
    },
  ],
  [
    ans('A02', 'a.txt', 'Die Digitali\u2011\nsierung der Verwal\u00adtung'),
    { outcome: 'answered', citations: [cite('a.txt', 'Digitalisierung Verwaltung')], retrieved: [] },
  ],
  [
    ans('A03', 'a.txt', 'Fabasoft eGov-Suite als DMS', { also_supported_by: 'b.txt' }),
    { outcome: 'answered', citations: [cite('b.txt', 'Fabasoft eGov-Suite DMS')], retrieved: [passage('b.txt', 'Fabasoft')] },
  ],
  [
    ans('A04', 'a.txt', 'Fabasoft eGov-Suite als DMS', { also_supported_by: ['b.txt', 'c.txt'] }),
    { outcome: 'answered', citations: [cite('d.txt', 'x'), cite('c.txt', 'Fabasoft eGov Suite DMS')], retrieved: [] },
  ],
  [
    ans('A05', 'a.txt', 'zweiundvierzig Bäume gepflanzt'),
    {
      outcome: 'answered',
      citations: [cite('a.txt', 'x'), cite('a.txt', 'y'), cite('a.txt', 'z'), cite('a.txt', 'zweiundvierzig Bäume gepflanzt')],
      retrieved: [passage('q.txt', ''), passage('q.txt', ''), passage('q.txt', ''), passage('a.txt', 'zweiundvierzig Bäume gepflanzt')],
    },
  ],
  [
    ans('A06', 'a.txt', 'Jabber zum Telefonieren im Home-Office'),
    { outcome: 'no_answer', citations: [], retrieved: [passage('a.txt', 'Jabber zum Telefonieren im Home-Office genutzt')] },
  ],
  [
    ans('A07', 'a.txt', 'Jabber zum Telefonieren im Home-Office'),
    {
      outcome: 'answered',
      citations: [cite('b.txt', 'Jabber Telefonieren')],
      retrieved: [passage('a.txt', 'Jabber zum Telefonieren im Home-Office')],
    },
  ],
  [ans('A08', 'a.txt', 'eins zwei drei vier fünf'), { outcome: 'answered', citations: [cite('a.txt', 'eins zwei drei')], retrieved: [] }],
  [
    ans('A09', 'a.txt', 'eins zwei drei vier fünf'),
    { outcome: 'answered', citations: [cite('a.txt', 'eins zwei')], retrieved: [passage('a.txt', 'drei')] },
  ],
  [ans('A10', 'a.txt', 'und die der das'), { outcome: 'answered', citations: [cite('a.txt', 'und die der das')], retrieved: [] }],
  [ans('A11', 'a.txt', 'Anzahl 37'), { outcome: 'answered', citations: null, retrieved: null }],
  [ans('A12', 'None', 'Anzahl 37'), { outcome: 'answered', citations: [cite(null, 'Anzahl 37')], retrieved: [passage(null, 'Anzahl 37')] }],
  [
    ans('A13', 'a.txt', 'Akten\t57.219 und 1.405.240 Dokumente (10/25)'),
    { outcome: 'answered', citations: [cite('a.txt', 'Akten 57 219 1 405 240 dokumente 10 25')], retrieved: [] },
  ],
  [
    ans('A14', 'a.txt', 'Ämter-\n  Übersicht ÄÖÜ'),
    { outcome: 'answered', citations: [cite('a.txt', 'ämterübersicht aou')], retrieved: [] },
  ],
  [unans('U01', 'near_miss'), { outcome: 'no_answer' }],
  [unans('U02', 'cross_county'), { outcome: 'escalated' }],
  [unans('U03', 'out_of_scope'), { outcome: 'refused' }],
  [unans('U04', 'cross_county'), { outcome: 'answered' }],
  [unans('U05', 'near_miss'), {}],
  [guard('G01', ['refuse_decision']), { outcome: 'answered', rules: [] }],
  [guard('G02', ['redact']), { outcome: 'answered', rules: [{ action: 'redact' }] }],
  [guard('G03', ['ignore_embedded_instructions']), { outcome: 'answered', rules: [] }],
  [guard('G04', ['refer']), { outcome: 'answered', rules: [] }],
  [
    guard('G05', ['refuse_processing']),
    { outcome: 'refused', answer: 'Soll ich das an eine Digitallotse fragen?', rules: [{ action: 'refuse' }] },
  ],
  [guard('G06', ['no_escalation']), { outcome: 'escalated', rules: [] }],
  [guard('G07', ['refuse_processing', 'escalate_human']), { outcome: 'escalated', rules: [] }],
  [guard('G08', ['redact', 'refer']), { outcome: 'answered', rules: [{ action: 'refuse' }] }],
  [guard('G09', ['refer']), { outcome: 'answered', rules: [{ action: 'refer' }] }],
  [guard('G10', ['no_escalation']), { outcome: 'answered', answer: 'Darf ich das weitergeben?' }],
];

const dir = mkdtempSync(join(tmpdir(), 'lotse-seed-scoring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function python(kinds: string): unknown {
  const questions = cases.map(([question]) => question);
  const selected = cases.filter(([question]) => kinds.split(',').includes(question.kind));
  writeFileSync(join(dir, 'q.json'), JSON.stringify(questions));
  writeFileSync(join(dir, `a-${kinds}.jsonl`), selected.map(([, row]) => JSON.stringify(row)).join('\n') + '\n');
  return JSON.parse(execFileSync('python3', [scorer, join(dir, 'q.json'), kinds, join(dir, `a-${kinds}.jsonl`)], { encoding: 'utf8' }));
}

describe.skipIf(!canCompare)('seed scoring: TypeScript port equals score_seeds.py', () => {
  for (const kinds of ['answerable,unanswerable', 'guardrail', 'answerable,unanswerable,guardrail', 'unanswerable']) {
    it(`scores kinds ${kinds} identically`, () => {
      const expected = python(kinds);
      const rows = parseAnswerLines(readFileSync(join(dir, `a-${kinds}.jsonl`), 'utf8'));
      const actual = scoreSeeds(
        cases.map(([question]) => question),
        kinds.split(','),
        rows,
      );
      expect(actual).toEqual(expected);
    });
  }

  it('tokenises tricky text identically', () => {
    const samples = [
      'Straße ÄÖÜ äöü',
      'İstanbul Σίσυφος',
      'x\u2011\n y e-\n  Akte',
      'a_b 1.405.240 10/25 ²³',
      'x\u00a0y\u2028z\u0085w\ufeffv',
      'e\u0301cole naïve',
      'Digital\u00adlotsinnen und –lotsen: 37',
      'und die der x',
    ];
    const code =
      'import json,sys; sys.path.insert(0, sys.argv[1]); import score_seeds as s; print(json.dumps([s.toks(t) for t in json.load(sys.stdin)]))';
    const out = execFileSync('python3', ['-c', code, dirname(scorer)], { input: JSON.stringify(samples), encoding: 'utf8' });
    expect(samples.map((sample) => tokens(sample))).toEqual(JSON.parse(out));
  });

  it('throws like the Python scorer exits when the line count differs', () => {
    expect(() => scoreSeeds([unans('U', 'near_miss')], ['unanswerable'], [])).toThrow(/expected 1 JSON lines, got 0/);
  });
});

describe.skipIf(!existsSync(seedsDir)).each(['seeds-own.json', 'seeds-own-2.json', 'seeds-own-3.json'])('%s', (file) => {
  const items = JSON.parse(readFileSync(join(root, 'test/eval/questions', file), 'utf8')) as SeedQuestion[];

  it('has verbatim gold evidence for every answerable item and unique ids', () => {
    const texts = new Map<string, string>();
    for (const item of items.filter((entry) => entry.kind === 'answerable')) {
      const seed = item.seed ?? '';
      if (!texts.has(seed)) texts.set(seed, readFileSync(join(seedsDir, seed), 'utf8'));
      expect(texts.get(seed)!.includes(item.evidence ?? '\u0000'), `${item.id} evidence`).toBe(true);
    }
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});
