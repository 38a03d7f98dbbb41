/**
 * Check-digit validation for personal identifiers, so that only real IBANs and tax ids are masked.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/**
 * ISO 13616 IBAN check by the maintained `ibantools` (issue #17: maintained validators beat hand-written
 * checksums): mod-97 plus the country's BBAN length and format, so "DE" with 21 digits is not an IBAN.
 */
export function isValidIban(candidate: string): boolean {
  const iban = electronicFormatIBAN(candidate);
  return iban !== null && isValidIBAN(iban);
}

/**
 * German Steuerliche Identifikationsnummer: 11 digits, no leading zero; in the first ten exactly one digit occurs
 * twice or three times (never three in a row) and every other digit at most once; ISO 7064 MOD 11,10 check digit.
 * Hand-written on purpose: the maintained `stdnum` (DE.idnr, 1.12.0) lets a digit occur four times, so no package fits.
 */
export function isValidTaxId(candidate: string): boolean {
  const digits = candidate.replace(/[\s./]+/g, '');
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || repeated[0]! > 3 || /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (const digit of digits.slice(0, 10)) {
    let sum = (Number(digit) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}
