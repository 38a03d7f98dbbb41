/**
 * Helpers of the stored-JSON contract cases (issue #20, item 2): rows written directly as an older or newer lotse
 * would have written them, and a logger that keeps the `stored-json-refused` warnings.
 */
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import type { Logger } from '../../bot/shared/logger.ts';

/** A SQL string literal (both engines). */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** JSON text of `value` with a version field, as a lotse of that version writes it. */
export const versioned = (version: number, value: object): string => JSON.stringify({ $v: version, ...value });

/** The store database with a logger that records refused rows; `refused` lists (store, key, reason). */
export function withRefusals(store: StoreDatabase): { store: StoreDatabase; refused: { store: unknown; key: unknown; reason: unknown }[] } {
  const refused: { store: unknown; key: unknown; reason: unknown }[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (event, data) => {
      if (event === 'stored-json-refused') refused.push({ store: data?.['store'], key: data?.['key'], reason: data?.['reason'] });
    },
  };
  return { store: { ...store, logger }, refused };
}
