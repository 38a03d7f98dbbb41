import { describe, expect, it } from 'vitest';
import { notBare, unknownPlace } from '../../../../bot/core/answer/unknown-place.ts';
import { cityNames, districtNames } from '../../../../bot/core/answer/place-names.ts';

const known = new Set(['viersen', 'unna', 'recklinghausen', 'paderborn']);
const unknown = (question: string): string | undefined => unknownPlace(question, known);

describe('unknownPlace', () => {
  it('finds counties and cities after "Kreis"/"Stadt"/"…verwaltung" in any case', () => {
    expect(unknown('wie viele digilotsen hat der kreis wesel?')).toBe('Kreis Wesel');
    expect(unknown('Wie viele Lotsen hat der Kreis Kleve?')).toBe('Kreis Kleve');
    expect(unknown('Was plant der Landkreis Ahrweiler?')).toBe('Kreis Ahrweiler');
    expect(unknown('Welches DMS hat die Stadt Köln?')).toBe('Stadt Köln');
    expect(unknown('wie läuft das bei der stadtverwaltung bielefeld?')).toBe('Stadt Bielefeld');
    expect(unknown('Was macht die Kreisverwaltung Gütersloh?')).toBe('Kreis Gütersloh');
    expect(unknown('Wie ist das in der Stadt Mülheim an der Ruhr?')).toBe('Stadt Mülheim an der Ruhr');
    expect(unknown('Was macht die Stadt Essen?')).toBe('Stadt Essen');
    expect(unknown('Was plant der Kreis Musterland?')).toBe('Kreis Musterland');
  });

  it('finds composite names in any case and inflected', () => {
    expect(unknown('hat der märkische kreis ne digitalisierungsstrategie?')).toBe('Märkischer Kreis');
    expect(unknown('Was plant der Märkische Kreis?')).toBe('Märkischer Kreis');
    expect(unknown('Wie macht das der Ennepe-Ruhr-Kreis?')).toBe('Ennepe-Ruhr-Kreis');
    expect(unknown('die strategie des ennepe-ruhr-kreises')).toBe('Ennepe-Ruhr-Kreis');
    expect(unknown('Gibt es das auch im Hochsauerlandkreis?')).toBe('Hochsauerlandkreis');
    expect(unknown('gibt es das auch im hochsauerland-kreis?')).toBe('Hochsauerlandkreis');
    expect(unknown('Hat der Rhein-Sieg-Kreis eine KI-Richtlinie?')).toBe('Rhein-Sieg-Kreis');
    expect(unknown('Wie viele Lotsen hat die Städteregion Aachen?')).toBe('Städteregion Aachen');
    expect(unknown('Wie macht das der Oberbergische Kreis?')).toBe('Oberbergischer Kreis');
    expect(unknown('Beim Rheinisch-Bergischen Kreis?')).toBe('Rheinisch-Bergischer Kreis');
    expect(unknown('und im rhein-erft-kreis?')).toBe('Rhein-Erft-Kreis');
    expect(unknown('Was plant der Rhein-Kreis Neuss?')).toBe('Rhein-Kreis Neuss');
    expect(unknown('Wie ist das in Siegen-Wittgenstein?')).toBe('Kreis Siegen-Wittgenstein');
  });

  it('finds bare names capitalised, or in lower case after a place preposition', () => {
    expect(unknown('welches DMS nutzt man in Gütersloh?')).toBe('Kreis Gütersloh');
    expect(unknown('in höxter gibts auch ein kreisweites lorawan?')).toBe('Kreis Höxter');
    expect(unknown('Gütersloh hat doch auch Digitallotsen, oder?')).toBe('Kreis Gütersloh');
    expect(unknown('Wie macht das Bielefeld?')).toBe('Stadt Bielefeld');
    expect(unknown('gibt es das bei bochum auch?')).toBe('Stadt Bochum');
    expect(unknown('Wie viele Lotsen gibt es in Aachen?')).toBe('Städteregion Aachen');
    expect(unknown('und in Frankfurt?')).toBe('Frankfurt');
    expect(unknown('was macht man in München?')).toBe('München');
  });

  it('leaves lower-case bare names alone outside a place preposition', () => {
    expect(unknown('gütersloh hat auch lotsen?')).toBeUndefined();
    expect(unknown('wie ist das mit wesel')).toBeUndefined();
  });

  it('never takes ordinary words, surnames or Länder for places', () => {
    for (const question of [
      'Wer gehört im Kreis der Kollegen dazu?',
      'Was sagt man in Kreisen der Verwaltung dazu?',
      'Gilt das für Stadt und Land gleichermaßen?',
      'Darf ich im Hof parken?',
      'Darf ich bei Regen im Homeoffice bleiben?',
      'Gibt es in der Halle WLAN?',
      'Was ist nach dem Essen?',
      'Kann ich das für Essen abrechnen?',
      'Wo wollen wir in der Stadt essen gehen?',
      'Ist der Ordner leer?',
      'Wie viele Lotsen hat der Kreis Viersen?',
      'Was plant Unna in Recklinghausen?',
      'Ich habe mit Herrn Hagen gesprochen, wie geht das?',
      'Gilt das auch in Berlin?',
      'Bekomme ich nach Erlangen des Zertifikats mehr Geld?',
      'Wie viele Tage darf ich mobil arbeiten?',
      'Was ist die KI-Richtlinie für Ennepe?',
    ]) {
      expect(unknown(question), question).toBeUndefined();
    }
  });

  it('names with an ordinary-word meaning count only after "Kreis" (any case) or capitalised after "Stadt"', () => {
    expect(unknown('in Lippe gibt es das?')).toBeUndefined();
    expect(unknown('Wie viele Lotsen hat der Kreis Lippe?')).toBe('Kreis Lippe');
    expect(unknown('wie viele lotsen hat der kreis lippe?')).toBe('Kreis Lippe');
    expect(unknown('wie viele mitarbeitende hat die kreisverwaltung lippe?')).toBe('Kreis Lippe');
    expect(unknown('wann hat der kreistag gütersloh die strategie beschlossen?')).toBe('Kreis Gütersloh');
    expect(unknown('wo wollen wir in der stadt essen?')).toBeUndefined();
    expect(unknown('Was plant die Stadt Hof?')).toBe('Stadt Hof');
    expect([...notBare].every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('knows all 31 Kreise and 22 kreisfreie Städte of North Rhine-Westphalia, and about 400 in Germany', () => {
    const names = (rows: readonly (readonly [string, string])[], land?: string) =>
      rows.filter(([name]) => !land || name === land).flatMap(([, list]) => list.split('|'));
    expect(names(districtNames, 'Nordrhein-Westfalen')).toHaveLength(31);
    expect(names(cityNames, 'Nordrhein-Westfalen')).toHaveLength(22);
    expect(names(districtNames).length + names(cityNames).length).toBe(400);
  });
});
