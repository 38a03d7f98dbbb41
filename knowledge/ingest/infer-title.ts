/**
 * A human title from the text: a real title line at the top (not a numbered section heading such as
 * "1 Hintergrund" and without Markdown emphasis), the subject of a letter answering an inquiry, or what
 * the document calls itself with its county ("Digitalisierungsstrategie Kreis Paderborn").
 */

const genericTitles =
  /^(einleitung|inhalt|inhaltsverzeichnis|vorwort|sehr geehrte|liebe|anlage|seite|grußwort|präambel|zusammenfassung|hintergrund)\b/i;
const sectionNumber = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|§\s*\d+[a-z]?|Kapitel\s+\d+)\s+/;
const letterhead = /^(?:KREIS|LANDKREIS|KREISVERWALTUNG|DER LANDRAT|STADT)\b|·/;
/** How far into the text a heading still counts as the document's title. */
const titleZone = 400;

/** Removes Markdown emphasis, heading marks and surrounding punctuation from a title candidate. */
export function cleanTitle(raw: string): string {
  return raw
    .replace(/^#{1,6}\s+/, '')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, '')
    .trim()
    .slice(0, 120);
}

function usable(candidate: string): boolean {
  return (
    candidate.length >= 4 &&
    candidate.length <= 100 &&
    !genericTitles.test(candidate) &&
    !sectionNumber.test(candidate) &&
    !letterhead.test(candidate) &&
    !/[.:,;]$/.test(candidate) &&
    /\p{L}{3}/u.test(candidate)
  );
}

/** A title line at the top: the first Markdown heading or the opening line, when it reads like a title. */
export function inferTitle(text: string): string | undefined {
  const heading = /^#{1,3}\s+(.+)$/m.exec(text);
  if (heading && heading.index <= titleZone) {
    const title = cleanTitle(heading[1]!);
    if (usable(title)) return title;
  }
  const first = cleanTitle(text.trimStart().split(/\n{2,}/)[0] ?? '');
  return usable(first) ? first : undefined;
}

/** "Kreis Recklinghausen" → "des Kreises Recklinghausen" (for "Antwort des Kreises …"). */
function genitive(tenant: string): string {
  return tenant.replace(/^Kreis\b/, 'des Kreises').replace(/^Landkreis\b/, 'des Landkreises');
}

/** The subject of a letter: the inquiry it answers ("Ihre Anfrage vom 29.01.2025 -Chancen der Digitalisierung-") or a "Betreff:" line. */
function letterSubject(text: string): { subject: string; inquiry: boolean } | undefined {
  const head = text.slice(0, 1500);
  const inquiryLine = cleanTitle(head.split('\n').find((line) => /\bAnfrage\s+vom\b/.test(line)) ?? '');
  const inquiry = /\bAnfrage\s+vom\s+[\d.\s]{8,12}\s*[-–„"(]*\s*([^\n]{4,100}?)\s*[-–“")]*\s*$/m.exec(inquiryLine)?.[1];
  const subject = inquiry ?? /^\s*(?:Betreff|Betr\.)\s*:\s*(.{4,100})$/m.exec(head)?.[1];
  const cleaned = subject ? cleanTitle(subject).replace(/^[-–„"]+|[-–“"]+$/g, '') : undefined;
  return cleaned && /^\p{Lu}/u.test(cleaned) ? { subject: cleaned, inquiry: inquiry !== undefined } : undefined;
}

const designationPattern =
  /\b((?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Ss]trategie|[Aa]genda|[Kk]onzept|[Dd]ienstanweisung|[Dd]ienstvereinbarung|[Rr]ichtlinie|[Ll]eitfaden|[Ss]atzung|[Mm]asterplan))\b/g;

/** What the document most often calls itself ("Digitalisierungsstrategie"), when it does so at least twice. */
export function inferDesignation(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(designationPattern)) {
    const word = match[1]!;
    if (/^(?:Teil|Gesamt|Unter)/.test(word)) continue;
    const normalised = word[0]!.toUpperCase() + word.slice(1);
    counts.set(normalised, (counts.get(normalised) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return best && best[1] >= 2 ? best[0] : undefined;
}

/**
 * A descriptive title when the text has no title line: a letter's inquiry or subject line, else the document's
 * self-designation with its county. No edition year: title words are indexed with every passage, and a
 * guessed year would make every passage look like evidence for questions about that year.
 */
export function describeTitle(text: string, tenant: string | undefined): string | undefined {
  const letter = letterSubject(text);
  if (letter?.inquiry) return `Antwort ${tenant ? `${genitive(tenant)} ` : ''}auf die Anfrage ‚${letter.subject}‘`;
  if (letter) return tenant ? `${letter.subject} (${tenant})` : letter.subject;
  const designation = inferDesignation(text);
  return designation ? [designation, tenant].filter(Boolean).join(' ') : undefined;
}
