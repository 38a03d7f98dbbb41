import { describe, expect, it } from 'vitest';
import { namedTenants } from '../../../../bot/core/answer/county-aliases.ts';
import { withoutTenantMention } from '../../../../bot/core/answer/scope.ts';

const known = ['Kreis Viersen', 'Kreis Unna', 'Kreis Recklinghausen', 'Kreis Paderborn'];
const named = (question: string): string | undefined => namedTenants(question, known)[0];

describe('namedTenants', () => {
  it('maps registration codes written in capitals to the county', () => {
    expect(named('neue homepage VIE – welches cms?')).toBe('Kreis Viersen');
    expect(named('Welche Strategie hat UN für das DMS?')).toBe('Kreis Unna');
    expect(named('Mit welcher Hochschule macht RE nen Workshop?')).toBe('Kreis Recklinghausen');
    expect(named('wie viel prozent der arbeitsplätze in PB sind mobil?')).toBe('Kreis Paderborn');
    expect(named('wieviele ziele hat die PB-strategie?')).toBe('Kreis Paderborn');
  });

  it('accepts lower-case codes after "Kreis" or "KV", and names, inflected names and demonyms', () => {
    expect(named('was plant der kreis pb?')).toBe('Kreis Paderborn');
    expect(named('wie viele lotsen gibts bei uns in vie?')).toBe('Kreis Viersen');
    expect(named('wer ist CDO in pb')).toBe('Kreis Paderborn');
    expect(named('Gibt es bei der KV Viersen Digitallotsen?')).toBe('Kreis Viersen');
    expect(named('wie viele geräte hat man bei uns in unna getauscht?')).toBe('Kreis Unna');
    expect(named('Was steht in der Paderborner Strategie?')).toBe('Kreis Paderborn');
    expect(named('Was sagt die Recklinghäuser Verwaltung zu RPA?')).toBe('Kreis Recklinghausen');
    expect(named('Unnas Agenda – was steht drin?')).toBe('Kreis Unna');
  });

  it('does not take ordinary words, prefixes or abbreviations for codes', () => {
    expect(named('RE: Anfrage zur E-Akte – wie läuft das?')).toBeUndefined();
    expect(named('re: wie beantrage ich einen Laptop?')).toBeUndefined();
    expect(named('Was bedeutet die UN-Behindertenrechtskonvention für Formulare?')).toBeUndefined();
    expect(named('Welche Ziele hat die UN für Nachhaltigkeit?')).toBeUndefined();
    expect(named('Gilt die UN-Behindertenrechtskonvention auch für UN Formulare?')).toBe('Kreis Unna');
    expect(named('un und re sind keine Kreise, pb auch nicht')).toBeUndefined();
    expect(named('Was heißt in re und in un?')).toBeUndefined();
    expect(named('Wie funktioniert die Rechnungsprüfung (REP)?')).toBeUndefined();
    expect(named('Wie viel kostet ein Vielflieger-Ticket?')).toBeUndefined();
  });

  it('prefers the county named first when two are named', () => {
    expect(named('Welches DMS nutzt der Kreis Paderborn – auch Fabasoft wie Viersen?')).toBe('Kreis Paderborn');
  });

  it('only maps to counties that have documents', () => {
    expect(namedTenants('Was macht KLE beim DMS?', known)).toEqual([]);
  });
});

describe('withoutTenantMention with short forms', () => {
  it('removes codes, "KV" and demonyms of the scoped county', () => {
    expect(withoutTenantMention('neue homepage VIE – welches cms?', 'Kreis Viersen')).toBe('neue homepage – welches cms?');
    expect(withoutTenantMention('Wie viele Mitarbeitende hat die KV Viersen?', 'Kreis Viersen')).toBe('Wie viele Mitarbeitende hat die?');
    expect(withoutTenantMention('Was steht in der Paderborner Strategie?', 'Kreis Paderborn')).toBe('Was steht in Strategie?');
    expect(withoutTenantMention('Was plant der Kreis PB?', 'Kreis Paderborn')).toBe('Was plant?');
    expect(withoutTenantMention('Ziele der PB-Strategie?', 'Kreis Paderborn')).toBe('Ziele der Strategie?');
    expect(withoutTenantMention('Gilt die UN-Konvention in Unna?', 'Kreis Unna')).toBe('Gilt die UN-Konvention?');
  });
});
