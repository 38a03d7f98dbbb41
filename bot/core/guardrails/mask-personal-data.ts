/**
 * Masks personal data with placeholders ([IBAN], [E-MAIL], [NAME], …) before anything is sent to a
 * model, logged or stored (DV KI § 5 Abs. 2). Names of staff known from the directory are masked too.
 */
import type { PiiEntity } from './policies.ts';
import { isValidIban, isValidTaxId } from './validators.ts';

/** The masked text and which kinds of data were found. */
export interface MaskResult {
  readonly text: string;
  readonly found: readonly string[];
}

/** A check digit proves a value; context words before it ("Steuer-ID", "IBAN") make it personal anyway. */
function valid(entity: PiiEntity, match: string, before: string): boolean {
  if (entity.context?.test(before.slice(-40))) return true;
  if (entity.validator === 'context') return false;
  if (entity.validator === 'iban') return isValidIban(match);
  if (entity.validator === 'tax-id') return isValidTaxId(match);
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds a masker for the given entities and staff names (full names, "Vorname Nachname"). */
export function createMasker(entities: readonly PiiEntity[], knownNames: readonly string[] = []): (text: string) => MaskResult {
  const namePattern = knownNames.length
    ? new RegExp(`\\b(?:${knownNames.map((name) => escapeRegex(name).replace(/\s+/g, '\\s+')).join('|')})\\b`, 'giu')
    : undefined;
  return (text) => {
    const found = new Set<string>();
    let masked = text;
    for (const entity of entities) {
      masked = masked.replace(new RegExp(entity.pattern.source, 'gu'), (match: string, ...rest: unknown[]) => {
        // replace() passes (match, ...groups, offset, whole): groups are never numbers.
        const at = rest.findIndex((value) => typeof value === 'number');
        const offset = Number(rest[at] ?? 0);
        const whole = String(rest[at + 1] ?? '');
        if (!valid(entity, match, whole.slice(0, offset))) return match;
        found.add(entity.id);
        return entity.placeholder;
      });
    }
    if (namePattern) {
      masked = masked.replace(namePattern, () => {
        found.add('pii-name');
        return '[NAME]';
      });
    }
    return { text: masked, found: [...found] };
  };
}
