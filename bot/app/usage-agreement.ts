/**
 * Finds the Dienstvereinbarung KI in the knowledge store for the transparency page (issue #22): the
 * agreement in force today whose title names Künstliche Intelligenz or "DV KI", with its text by section.
 */
import type { KnowledgeStore } from '../ports/knowledge-store.ts';
import type { AgreementText } from '../http/pages.ts';

const namesAi = /künstliche[rn]? intelligenz|\bdv ki\b/i;

/** The agreement in force on `today` (the newest by `validFrom`), or undefined when none is indexed. */
export function findUsageAgreement(store: KnowledgeStore, today: string): AgreementText | undefined {
  const candidates = store
    .listDocuments()
    .filter((meta) => meta.type === 'dienstvereinbarung' && namesAi.test(meta.title))
    .filter((meta) => (meta.validFrom ?? '') <= today && (!meta.validTo || meta.validTo >= today))
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
  const meta = candidates[0];
  if (!meta) return undefined;
  const sections: { heading: string; paragraphs: string[] }[] = [];
  for (const chunk of store.chunksOf(meta.id)) {
    const last = sections.at(-1);
    if (last && last.heading === chunk.section) last.paragraphs.push(chunk.text);
    else sections.push({ heading: chunk.section, paragraphs: [chunk.text] });
  }
  return { title: meta.title, sections, ...(meta.stand ? { stand: meta.stand } : {}), ...(meta.url ? { url: meta.url } : {}) };
}
