import { describe, expect, it } from 'vitest';
import { preferTypedHits, typedWindow } from '../../../../bot/core/answer/typed-hits.ts';

const texts: Record<string, string> = {
  intro: 'Die Kreisverwaltung beschäftigt engagierte Mitarbeitende in vielen Ämtern.',
  figure: 'Eine Organisation mit mehr als 1.400 Mitarbeitenden.',
  article: 'Die Kreisverwaltung ist eine moderne Organisation.',
};
const textOf = (id: string): string => texts[id] ?? '';
const hits = [
  { id: 'intro', score: 1.0 },
  { id: 'article', score: 0.95 },
  { id: 'figure', score: 0.9 },
];

describe('preferTypedHits', () => {
  it("moves a passage holding the asked-for number ahead of close passages without one, keeping the places' scores", () => {
    const ordered = preferTypedHits(hits, 'wie viele beschäftigte hat die KV ungefähr', textOf);
    expect(ordered.map((hit) => hit.id)).toEqual(['figure', 'intro', 'article']);
    expect(ordered.map((hit) => hit.score)).toEqual([1.0, 0.95, 0.9]);
  });

  it('keeps the order when the question asks for no value, or the typed passage is far behind', () => {
    expect(preferTypedHits(hits, 'was macht die Kreisverwaltung?', textOf).map((hit) => hit.id)).toEqual(['intro', 'article', 'figure']);
    const far = [
      { id: 'intro', score: 1.0 },
      { id: 'figure', score: 0.5 },
    ];
    expect(preferTypedHits(far, 'Wie viele Mitarbeitende?', textOf).map((hit) => hit.id)).toEqual(['intro', 'figure']);
  });

  it('re-orders only the first hits', () => {
    const many = [
      ...Array.from({ length: typedWindow }, (_, index) => ({ id: `intro-${index}`, score: 2 - index * 0.01 })),
      { id: 'figure', score: 1.9 },
    ];
    expect(preferTypedHits(many, 'Wie viele Mitarbeitende?', textOf).at(-1)?.id).toBe('figure');
  });
});
