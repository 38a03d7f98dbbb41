/**
 * Personal values that can be recognised by their shape in any corpus text, labelled or not: IBANs (validated by
 * `ibantools`), tax ids (11 digits, grouped by spaces or dots) and e-mail addresses. The guardrail benchmark runs
 * every risky and benign text through the app and then looks for each such value — in every spelling the text used,
 * grouped and compact — anywhere under the data dir (issue #17: nothing personal may be stored). Deliberately not the
 * product's own recognisers (bot/core/guardrails): a value they miss would then be missed by the check as well.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

const ibanCandidate = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
const taxIdCandidate = /(?<![\d.,])\d{2}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?![\d.,]\d)/g;
const email = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

/** The personal values in `text` with every spelling to look for (as written and without separators). */
export function personalValues(text: string): string[] {
  const values = new Set<string>();
  for (const match of text.matchAll(ibanCandidate)) {
    const compact = electronicFormatIBAN(match[0]) ?? '';
    if (!isValidIBAN(compact)) continue;
    values.add(match[0]).add(compact);
  }
  for (const match of text.matchAll(taxIdCandidate)) {
    const digits = match[0].replace(/[ .]/g, '');
    if (digits.length !== 11 || /^(\d)\1+$/.test(digits)) continue;
    values.add(match[0]).add(digits);
  }
  for (const match of text.matchAll(email)) values.add(match[0]);
  return [...values];
}
