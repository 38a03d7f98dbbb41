import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { infinitiveOf, separatedVerbs, verbOfNoun } from '../../../../bot/adapters/search/verb-lemma.ts';

const infinitives = new Set([
  'mitmachen',
  'anmelden',
  'einscannen',
  'digitalisieren',
  'beantragen',
  'einreichen',
  'machen',
  'wandern',
  'bedeuten',
]);
const isInfinitive = (word: string): boolean => infinitives.has(word);

describe('infinitiveOf', () => {
  it('turns weak participles into the infinitive, with separable and inseparable prefixes and -iert', () => {
    expect(infinitiveOf('mitgemacht', isInfinitive)).toBe('mitmachen');
    expect(infinitiveOf('angemeldet', isInfinitive)).toBe('anmelden');
    expect(infinitiveOf('eingescannt', isInfinitive)).toBe('einscannen');
    expect(infinitiveOf('gemacht', isInfinitive)).toBe('machen');
    expect(infinitiveOf('gewandert', isInfinitive)).toBe('wandern');
    expect(infinitiveOf('beantragt', isInfinitive)).toBe('beantragen');
    expect(infinitiveOf('bedeutet', isInfinitive)).toBe('bedeuten');
    expect(infinitiveOf('digitalisiert', isInfinitive)).toBe('digitalisieren');
  });

  it('turns zu-infinitives into the infinitive', () => {
    expect(infinitiveOf('einzureichen', isInfinitive)).toBe('einreichen');
  });

  it('never invents a word: candidates must be in the list, infinitives and strong participles stay as they are', () => {
    expect(infinitiveOf('gesamt', isInfinitive)).toBeUndefined();
    expect(infinitiveOf('mitmachen', isInfinitive)).toBeUndefined();
    expect(infinitiveOf('genommen', isInfinitive)).toBeUndefined();
    expect(infinitiveOf('bericht', isInfinitive)).toBeUndefined();
  });
});

describe('German analyzer with participle lemmas and the word list', () => {
  const analyzer = createGermanAnalyzer();

  it('lets a participle in a question meet the noun of the document ("angemeldet" ~ "Anmeldungen")', () => {
    const terms = new Set(analyzer.analyze('Anmeldungen im DMS'));
    expect(analyzer.analyze('wer hat sich angemeldet').some((term) => terms.has(term))).toBe(true);
  });

  it('looks a participle up in the thesaurus as its infinitive', () => {
    const [word] = analyzer.expandQuery?.('mitgemacht') ?? [];
    expect(word?.lemma).toBe('mitmachen');
    expect(word?.dictionary).toBe(true);
  });

  it('marks German words and compounds with a short head as dictionary words, typos not', () => {
    const [office, typo] = analyzer.analyzeWords?.('Personalamt Homeofice') ?? [];
    expect(office).toMatchObject({ dictionary: true, parts: ['personal', 'amt'] });
    expect(typo?.dictionary).toBeUndefined();
    expect(analyzer.analyzeWords?.('Ordnungsamt')[0]?.parts).toEqual(['ordnung', 'amt']);
  });
});

describe('separatedVerbs', () => {
  const list = new Set(['auswerten', 'anmelden', 'ankommen']);
  const isWord = (word: string): boolean => list.has(word);

  it('joins a finite verb with the particle that ends its clause', () => {
    expect(
      separatedVerbs(
        [
          ['wertet', 'jemand', 'aus'],
          ['wie', 'oft'],
        ],
        isWord,
      ),
    ).toEqual(new Map([['0:0', 'auswerten']]));
    expect(separatedVerbs([['wo', 'melde', 'ich', 'mich', 'an']], isWord)).toEqual(new Map([['0:1', 'anmelden']]));
  });

  it('leaves clauses without a final particle, and verbs the list lacks, alone', () => {
    expect(separatedVerbs([['wo', 'melde', 'ich', 'mich']], isWord).size).toBe(0);
    expect(separatedVerbs([['wann', 'fangt', 'der', 'kurs', 'an']], isWord).size).toBe(0);
  });

  it('lets a question meet the document word ("Wertet jemand aus" ~ "ausgewertet")', () => {
    const analyzer = createGermanAnalyzer();
    const [verb] = analyzer.expandQuery?.('Wertet jemand aus, wie oft ich das nutze?') ?? [];
    const terms = new Set(analyzer.analyze('Werden meine Fragen ausgewertet?'));
    expect(verb?.lemma).toBe('auswerten');
    expect(verb?.forms.some((form) => terms.has(form))).toBe(true);
  });
});

describe('verbOfNoun', () => {
  const words = new Set(['digitalisieren', 'definieren', 'organisieren', 'investieren']);
  const isWord = (word: string): boolean => words.has(word);

  it('finds the "-ieren" verb of an "-ierung", "-ation" or "-ition" noun when the word list has it', () => {
    expect(verbOfNoun('digitalisierung', isWord)).toBe('digitalisieren');
    expect(verbOfNoun('definition', isWord)).toBe('definieren');
    expect(verbOfNoun('organisationen', isWord)).toBe('organisieren');
    expect(verbOfNoun('investitionen', isWord)).toBe('investieren');
  });

  it('leaves nouns alone whose verb the list lacks or whose stem is too short', () => {
    expect(verbOfNoun('kommunikation', isWord)).toBeUndefined();
    expect(verbOfNoun('station', isWord)).toBeUndefined();
    expect(verbOfNoun('wohnung', isWord)).toBeUndefined();
  });

  it('lets "Wie definiert Paderborn …" meet "die folgende Definition"', () => {
    const analyzer = createGermanAnalyzer();
    const question = new Set(analyzer.analyze('Wie definiert der Kreis das?'));
    expect(analyzer.analyze('die folgende Definition').some((term) => question.has(term))).toBe(true);
  });
});
