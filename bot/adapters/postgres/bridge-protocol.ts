/**
 * Messages between the synchronous PostgreSQL facade (main thread) and its `pg` worker thread.
 */

/** Settings the worker connects with. */
export interface BridgeSettings {
  readonly url: string;
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
}

/** One request: a query (with parameters) or a script, or closing the connection. */
export type BridgeCall =
  | { readonly kind: 'query'; readonly text: string; readonly params: readonly unknown[]; readonly insertTable?: string }
  | { readonly kind: 'script'; readonly text: string }
  | { readonly kind: 'close' };

/** A call with its sequence number. */
export type BridgeRequest = BridgeCall & { readonly id: number };

/** The worker's answer. */
export type BridgeResponse =
  | { readonly id: number; readonly ok: true; readonly rows: Record<string, unknown>[]; readonly rowCount: number; readonly lastId: number }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string; readonly connectionLost: boolean };

/** Index of the status word in the shared Int32Array: 0 = waiting, 1 = answer posted. */
export const statusSlot = 0;
