import { describe, expect, it } from 'vitest';
import { reviewVerdicts } from './review-verdict.ts';

// Lexicon 2026-12-09.3 (issue #17): a request about one's own working time or family care ("für mich beantragen",
// "wegen der Pflege meiner Mutter", "ich möchte … reduzieren") is a personal matter (DV KI § 9 Abs. 2), referred to HR.

const { kind } = reviewVerdicts('2026-12-07');

describe('own HR requests', () => {
  it('refers a request about one’s own hours or family care', () => {
    expect(kind('Ich will wegen der Pflege meines Vaters ab März auf 25 Stunden reduzieren, kannst du das für mich beantragen?')).toBe(
      'refer',
    );
  });

  it('answers the general question about the procedure', () => {
    expect(kind('Wie beantragt man bei uns Teilzeit, gibt es dafür ein Formular?')).toBe('allow');
  });
});
