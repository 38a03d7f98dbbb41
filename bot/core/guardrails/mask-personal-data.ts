/**
 * Masks personal data with placeholders ([IBAN], [E-MAIL], [NAME], …) before anything is sent to a
 * model, logged or stored (DV KI § 5 Abs. 2). Names of staff known from the directory are masked too.
 */
import type { PiiEntity } from './policies.ts';
import { fullNamePattern, surnamePattern } from './staff-name-pattern.ts';
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

/** Bare surnames of known staff: masked when `wordLike` is given; its words need a title or unit beside them. */
export interface SurnameOptions {
  readonly wordLike: readonly string[];
}

/**
 * Builds a masker for the given entities and staff names ("Vorname Nachname", matched in any case); with
 * `surnames`, the bare surnames of those names are masked too (issue #17).
 */
export function createMasker(
  entities: readonly PiiEntity[],
  knownNames: readonly string[] = [],
  surnames?: SurnameOptions,
): (text: string) => MaskResult {
  const namePatterns = [fullNamePattern(knownNames), surnames ? surnamePattern(knownNames, surnames.wordLike) : undefined].filter(
    (pattern) => pattern !== undefined,
  );
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
    for (const pattern of namePatterns) {
      masked = masked.replace(pattern, () => {
        found.add('pii-name');
        return '[NAME]';
      });
    }
    return { text: masked, found: [...found] };
  };
}
