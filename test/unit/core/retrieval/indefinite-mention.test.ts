import { describe, expect, it } from 'vitest';
import { askedIdentityClasses, indefiniteOnly } from '../../../../bot/core/retrieval/indefinite-mention.ts';

describe('askedIdentityClasses', () => {
  it('finds which kind of thing the question wants identified, also in compounds and after an adjective', () => {
    expect([...askedIdentityClasses('mit welcher RPA-firma ist recklinghausen im gespräch?')]).toEqual([0]);
    expect([...askedIdentityClasses('welches recyclingunternehmen nimmt die rechner?')]).toEqual([0]);
    expect([...askedIdentityClasses('welche neue software kommt?')]).toEqual([1]);
    expect([...askedIdentityClasses('Wie heißt die Außenstelle mit den Softphones?')]).toEqual([2]);
  });

  it('finds none for other questions and for short members inside longer words', () => {
    expect(askedIdentityClasses('wie viele leute arbeiten hier?').size).toBe(0);
    expect(askedIdentityClasses('welche knapp bemessenen mittel gibt es?').size).toBe(0);
  });
});

describe('indefiniteOnly', () => {
  const question = 'mit welcher firma redet RE wegen RPA?';

  it('is 1 when the text names the kind of thing only with an indefinite article', () => {
    expect(indefiniteOnly(question, 'Die Verwaltung steht mit einem Unternehmen in Kontakt, das RPA anbietet.')).toBe(1);
    expect(indefiniteOnly('welches tool nutzt ihr?', 'Dafür wird einer geeigneten Software bedurft.')).toBe(1);
    const bold = 'Die **robotergestützte Automatisierung** entlastet. Die Verwaltung steht mit einem Unternehmen in Kontakt.';
    expect(indefiniteOnly(question, bold)).toBe(1);
    const named = 'Das Tool „Jabber“ dient zum Telefonieren. Im Piloten wurde ein neuer Außenstandort umgestellt.';
    expect(indefiniteOnly('welcher außenstandort war der pilot?', named)).toBe(1);
  });

  it('is 0 when the text identifies the thing or mentions no thing of that kind', () => {
    expect(indefiniteOnly(question, 'Die Verwaltung arbeitet mit der Firma Picture GmbH.')).toBe(0);
    expect(
      indefiniteOnly(
        'welche KI-Anwendung hilft im Personalservice?',
        'Dort kann die KI Anwendung *nele.ai* helfen, ein Produkt von Aleph Alpha fasst zusammen.',
      ),
    ).toBe(0);
    expect(indefiniteOnly(question, 'Die Verwaltung prüft RPA.')).toBe(0);
    expect(indefiniteOnly('wie viele firmen?', 'mit einem Unternehmen in Kontakt')).toBe(0);
  });
});
