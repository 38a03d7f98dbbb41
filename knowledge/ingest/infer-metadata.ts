/**
 * Infers missing metadata from the text (titles: infer-title.ts; editions: infer-edition.ts): "Stand" from
 * obvious date phrases, a letter date or a meeting/resolution date, the county (tenant) when one
 * "Kreis <Name>" clearly dominates, and the document type.
 */
import type { DocumentType } from '../../bot/ports/knowledge.ts';
import { germanMonths, inferSessionStand } from './infer-edition.ts';

const typeLabels: Record<DocumentType, string> = {
  strategie: 'Strategiepapier',
  dienstanweisung: 'Dienstanweisung',
  dienstvereinbarung: 'Dienstvereinbarung',
  faq: 'Häufige Fragen',
  schulung: 'Schulungskatalog',
  sonstiges: 'Dokument',
};

/** A descriptive fallback title: document type, county and file name. */
export function fallbackTitle(type: DocumentType, tenant: string | undefined, fileName: string): string {
  return [typeLabels[type], tenant, `(${fileName})`].filter(Boolean).join(' ');
}

/** "Stand: 01.03.2025", "Stand März 2025", "Stand 2025", a letter date line or a meeting/resolution date → ISO date. */
export function inferStand(text: string): string | undefined {
  const numeric = /\bStand(?:\s+vom)?[:\s]+(\d{1,2})\.(\d{1,2})\.(\d{4})/i.exec(text);
  if (numeric) return `${numeric[3]}-${numeric[2]!.padStart(2, '0')}-${numeric[1]!.padStart(2, '0')}`;
  const named = /\bStand[:\s]+([A-Za-zäÄ]+)\s+(\d{4})/i.exec(text);
  const month = named ? germanMonths[named[1]!.toLowerCase()] : undefined;
  if (named && month) return `${named[2]}-${month}-01`;
  const year = /\bStand[:\s]+(\d{4})\b/i.exec(text);
  if (year) return `${year[1]}-01-01`;
  const letterDate = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/m.exec(text.slice(0, 800));
  if (letterDate) return `${letterDate[3]}-${letterDate[2]!.padStart(2, '0')}-${letterDate[1]!.padStart(2, '0')}`;
  return inferSessionStand(text);
}

/** The county named most often ("Kreis Viersen", "Kreises Unna"), when it clearly dominates. */
export function inferTenant(text: string): string | undefined {
  const letterhead = /\bKREIS\s+([A-ZÄÖÜ]{3,})\b/.exec(text.slice(0, 400))?.[1];
  if (letterhead) return `Kreis ${letterhead[0]}${letterhead.slice(1).toLowerCase()}`;
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/\b(?:Land)?[Kk]reis(?:es|verwaltung)?\s+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)/g)) {
    const name = match[1]!;
    if (/^(Der|Die|Das|Und|Mit|Für|Im|In)$/.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return undefined;
  if (second && second[1] * 2 > first[1]) return undefined;
  return `Kreis ${first[0]}`;
}

/** The document type from title and opening text, when obvious. */
export function inferType(title: string, text: string): DocumentType {
  const head = `${title}\n${text.slice(0, 600)}`.toLowerCase();
  if (/dienstvereinbarung/.test(head)) return 'dienstvereinbarung';
  if (/dienstanweisung/.test(head)) return 'dienstanweisung';
  if (/\bfaq\b|häufig gestellte fragen|häufige fragen/.test(head)) return 'faq';
  if (/schulungskatalog|fortbildungsprogramm/.test(head)) return 'schulung';
  if (/strategie|agenda|digitalisierung/.test(head)) return 'strategie';
  return 'sonstiges';
}
