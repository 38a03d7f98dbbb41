import { describe, expect, it } from 'vitest';
import { aggregateResults, suppressedGroups, type SurveyResults } from '../../../../bot/core/hr/k-anonymous-results.ts';
import type { StoredAnswer, Survey } from '../../../../bot/ports/hr-types.ts';

const survey: Survey = {
  id: 'survey-1',
  version: 1,
  state: 'closed',
  title: 'Puls',
  audience: { kind: 'all' },
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-11-15T00:00:00.000Z',
  author: 'hr1',
  createdAt: '2026-10-30T00:00:00.000Z',
  questions: [
    { id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie?' },
    { id: 'tool', type: 'single', text: 'Welches Werkzeug?', options: ['Teams', 'Jabber'] },
    { id: 'kommentar', type: 'text', text: 'Was noch?', optional: true },
  ],
};

function answersFor(sizes: Record<string, number>): StoredAnswer[] {
  return Object.entries(sizes).flatMap(([group, n]) =>
    Array.from({ length: n }, (_, index) => ({ questionId: 'zufrieden', reportingUnit: group, value: (index % 5) + 1 })),
  );
}

function aggregate(sizes: Record<string, number>, k = 5, extra: StoredAnswer[] = []): SurveyResults {
  const answers = [...answersFor(sizes), ...extra];
  return aggregateResults({
    survey,
    answers,
    groups: Object.keys(sizes),
    respondents: Object.values(sizes).reduce((a, b) => a + b, 0),
    reviewedTexts: () => ['Gut so'],
    labelOf: (group) => group || 'Gesamt',
    k,
  });
}

/** The attacker's best guess: total minus every visible group, for the one hidden group. */
function differencingAttack(results: SurveyResults): { hiddenGroups: number; hiddenTotal: number } {
  const question = results.questions[0]!;
  const visible = question.groups.filter((group) => group.n !== null).reduce((sum, group) => sum + group.n!, 0);
  return { hiddenGroups: question.groups.filter((group) => group.n === null).length, hiddenTotal: (question.total.n ?? 0) - visible };
}

describe('suppressedGroups', () => {
  it('suppresses nothing when every group has k respondents', () => {
    expect([
      ...suppressedGroups(
        [
          { group: 'A', n: 5 },
          { group: 'B', n: 9 },
        ],
        5,
      ),
    ]).toEqual([]);
  });

  it('adds the next-smallest group when exactly one group is below k', () => {
    expect(
      [
        ...suppressedGroups(
          [
            { group: 'A', n: 6 },
            { group: 'B', n: 2 },
            { group: 'C', n: 9 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'B']);
  });

  it('needs no second group when the small groups together reach k', () => {
    expect(
      [
        ...suppressedGroups(
          [
            { group: 'A', n: 3 },
            { group: 'B', n: 2 },
            { group: 'C', n: 9 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'B']);
  });

  it('keeps adding groups until the suppressed hold k', () => {
    expect(
      [
        ...suppressedGroups(
          [
            { group: 'A', n: 1 },
            { group: 'B', n: 0 },
            { group: 'C', n: 5 },
            { group: 'D', n: 6 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'B', 'C']);
  });
});

describe('aggregateResults', () => {
  it('shows the total and groups with at least k respondents only', () => {
    const results = aggregate({ A10: 6, A11: 4, D1: 2 });
    const question = results.questions[0]!;
    expect(question.total.n).toBe(12);
    expect(question.total.counts).toEqual([4, 3, 2, 2, 1]);
    expect(question.groups.map((group) => [group.group, group.n])).toEqual([
      ['A10', 6],
      ['A11', null],
      ['D1', null],
    ]);
    expect(question.groups.find((group) => group.group === 'A11')!.counts).toBeNull();
  });

  it('defeats the differencing attack: total minus the visible groups never isolates a small group', () => {
    const results = aggregate({ A: 7, B: 8, C: 2 });
    const attack = differencingAttack(results);
    expect(attack.hiddenGroups).toBeGreaterThanOrEqual(2);
    expect(attack.hiddenTotal).toBeGreaterThanOrEqual(5);
  });

  it('holds for random group sizes: no visible group below k, no hidden remainder below k', () => {
    let seed = 7;
    const random = (max: number): number => (seed = (seed * 48271) % 2147483647) % max;
    for (let round = 0; round < 500; round += 1) {
      const k = 3 + random(5);
      const sizes = Object.fromEntries(Array.from({ length: 2 + random(6) }, (_, index) => [`G${index}`, random(12)]));
      const results = aggregate(sizes, k);
      const question = results.questions[0]!;
      if (question.total.n === null) {
        expect(question.groups).toEqual([]);
        continue;
      }
      for (const group of question.groups) if (group.n !== null) expect(group.n).toBeGreaterThanOrEqual(k);
      const attack = differencingAttack(results);
      if (attack.hiddenGroups > 0) expect(attack.hiddenTotal).toBeGreaterThanOrEqual(k);
    }
  });

  it('shows nothing but the suppression when the whole survey has fewer than k respondents', () => {
    const results = aggregate({ A: 2, B: 2 });
    expect(results.respondents).toBeNull();
    expect(results.questions[0]!.total.n).toBeNull();
    expect(results.questions[0]!.groups).toEqual([]);
  });

  it('shows reviewed free text only for the whole survey and only with k answers', () => {
    const texts = (n: number): StoredAnswer[] =>
      Array.from({ length: n }, () => ({ questionId: 'kommentar', reportingUnit: '', value: 'x' }));
    expect(aggregate({ A: 6 }, 5, texts(5)).questions[2]!.texts).toEqual(['Gut so']);
    expect(aggregate({ A: 6 }, 5, texts(4)).questions[2]!.texts).toEqual([]);
    expect(aggregate({ A: 6 }, 5, texts(5)).questions[2]!.groups).toEqual([]);
  });

  it('computes the scale mean', () => {
    expect(aggregate({ A: 5 }).questions[0]!.total.mean).toBe(3);
  });
});
