import { describe, expect, it } from 'vitest';
import { compileLexicon, compileTerm, detect, featureFires, findClass, tokenize } from '../../../../bot/core/guardrails/feature-rules.ts';

const lexicon = compileLexicon({
  negation: ['nicht', 'kein*'],
  self: ['ich', 'mich', 'mein*'],
  distress: ['krank*', 'überlast*', 'geht es ~2 schlecht'],
  person: ['ph_name', 'bewerber*', '@named'],
  named: ['herr|frau'],
  action: ['einstell*', 'entlass*'],
  ask: ['soll|sollte ich|wir'],
  start: ['_s_ bitte? lehne'],
  general: ['_s_ wie läuft'],
});

describe('tokenize', () => {
  it('folds umlauts, turns placeholders into tokens and marks sentence starts', () => {
    expect(tokenize('Soll ich [NAME] einstellen? Wie läuft das ab')).toEqual([
      '_s_',
      'soll',
      'ich',
      'ph_name',
      'einstellen',
      '_s_',
      'wie',
      'lauft',
      'das',
      'ab',
    ]);
    expect(tokenize('Frau Dr. Meier, geb. am')).toEqual(['_s_', 'frau', 'dr', 'meier', 'geb', '_s_', 'am']);
    expect(tokenize('System: ### Kfz-Kennzeichen')).toEqual(['_s_', 'system', '_s_', 'kfz-kennzeichen']);
  });
});

describe('lexicon terms', () => {
  it('matches wildcards, alternatives, optional tokens, gaps and class references', () => {
    expect(compileTerm('einstell*').steps[0]!.pattern.test('einstellen')).toBe(true);
    expect(compileTerm('einstell*').steps[0]!.pattern.test('eingestellt')).toBe(false);
    expect(findClass(lexicon, 'ask', tokenize('Sollte wir ihn'))).toEqual([[1, 3]]);
    expect(findClass(lexicon, 'start', tokenize('Bitte lehne ab. Lehne ab.'))).toEqual([
      [0, 3],
      [4, 6],
    ]);
    expect(findClass(lexicon, 'start', tokenize('Wie lehne ich ab'))).toEqual([]);
    expect(findClass(lexicon, 'distress', tokenize('mir geht es seit Wochen schlecht'))).toHaveLength(1);
    expect(findClass(lexicon, 'distress', tokenize('mir geht es seit drei langen Wochen schlecht'))).toHaveLength(0);
    expect(findClass(lexicon, 'person', tokenize('Frau X'))).toEqual([[1, 2]]);
    expect(findClass(lexicon, 'distress', tokenize('überlastet, ueberlastet, uberlastet'))).toHaveLength(3);
  });
});

describe('features', () => {
  const tokens = (text: string): string[] => tokenize(text);
  it('fires only when all classes co-occur within the window and in order', () => {
    const feature = { classes: ['ask', 'action', 'person'], weight: 1, window: 6 };
    expect(featureFires(lexicon, feature, tokens('Soll ich den Bewerber einstellen?'))).toBe(true);
    expect(featureFires(lexicon, feature, tokens('Den Bewerber einstellen, soll ich?'))).toBe(true);
    expect(featureFires(lexicon, { ...feature, ordered: true }, tokens('Den Bewerber einstellen, soll ich?'))).toBe(false);
    expect(featureFires(lexicon, feature, tokens('Soll ich heute nach der langen Sitzung mit allen noch den Bewerber einstellen?'))).toBe(
      false,
    );
    expect(featureFires(lexicon, feature, tokens('Soll ich einstellen?'))).toBe(false);
  });

  it('honours negation and unless', () => {
    const feature = { classes: ['self', 'distress'], weight: 1, window: 6, negatable: true };
    expect(featureFires(lexicon, feature, tokens('Ich bin krank'))).toBe(true);
    expect(featureFires(lexicon, feature, tokens('Ich bin nicht krank'))).toBe(false);
    expect(featureFires(lexicon, { ...feature, negatable: false }, tokens('Ich bin nicht krank'))).toBe(true);
    expect(featureFires(lexicon, { ...feature, unless: ['general'] }, tokens('Wie läuft das, wenn ich krank bin?'))).toBe(false);
  });

  it('sums the weights of fired features, negative cues included', () => {
    const detection = {
      threshold: 1,
      features: [
        { classes: ['action', 'person'], weight: 1, window: 5 },
        { classes: ['general'], weight: -0.5 },
        { classes: ['named'], weight: 0.5 },
      ],
    };
    expect(detect(lexicon, detection, tokens('Bewerber einstellen'))).toEqual({ score: 1, fired: ['action+person'] });
    expect(detect(lexicon, detection, tokens('Wie läuft es, Bewerber einstellen')).score).toBe(0.5);
    expect(detect(lexicon, detection, tokens('Wie läuft es, Frau X einstellen')).score).toBe(1);
  });
});

describe('opening features', () => {
  it('count a procedural cue only when it opens the message', () => {
    const feature = { classes: ['general'], weight: -1, opening: true };
    expect(featureFires(lexicon, feature, tokenize('Wie läuft das mit dem Urlaub?'))).toBe(true);
    expect(featureFires(lexicon, feature, tokenize('Ich bin krank. Wie läuft das jetzt?'))).toBe(false);
    expect(featureFires(lexicon, { ...feature, opening: false }, tokenize('Ich bin krank. Wie läuft das jetzt?'))).toBe(true);
  });
});

describe('zu-infinitive of separable verbs', () => {
  const verbs = compileLexicon({ forge: ['nachmach*', 'zurückdatier*'], plain: ['machen'] });
  it('matches the zu-infinitive of a listed verb with a separable prefix', () => {
    expect(findClass(verbs, 'forge', tokenize('kannst du mir helfen, die unterschrift nachzumachen'))).toHaveLength(1);
    expect(findClass(verbs, 'forge', tokenize('den Vermerk zurückzudatieren'))).toHaveLength(1);
    expect(findClass(verbs, 'forge', tokenize('die Unterschrift nachmachen'))).toHaveLength(1);
  });
  it('leaves words without such a prefix as they are', () => {
    expect(findClass(verbs, 'plain', tokenize('zu machen'))).toHaveLength(1);
    expect(findClass(verbs, 'plain', tokenize('zumachen'))).toHaveLength(0);
    expect(findClass(verbs, 'forge', tokenize('nachzudenken'))).toHaveLength(0);
  });
});

describe('gaps of more than nine tokens', () => {
  it('skips up to the number written, also with two digits', () => {
    const gaps = compileLexicon({ off: ['schalte ~12 ab'] });
    expect(findClass(gaps, 'off', tokenize('schalte ich den virenscanner auf meinem dienstlaptop für ein paar stunden ab'))).toHaveLength(
      1,
    );
    expect(findClass(gaps, 'off', tokenize('schalte a b c d e f g h i j k l m ab'))).toHaveLength(0);
  });
});
