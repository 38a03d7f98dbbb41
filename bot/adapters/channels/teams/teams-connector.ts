/**
 * The outbound side of the Bot Connector as the Teams outbox needs it: send, update in place, open a 1:1
 * chat. Outcomes are values (throttled with Retry-After, gone for 403/404, failed otherwise), so the outbox
 * decides about retries. `createSdkConnector` implements it with the Microsoft 365 Agents SDK.
 */

/** Result of one call to the connector. */
export type ConnectorOutcome =
  | { readonly kind: 'ok'; readonly activityId?: string }
  | { readonly kind: 'throttled'; readonly retryAfterMs?: number }
  | { readonly kind: 'gone'; readonly status: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly status?: number };

/** Result of opening a 1:1 conversation. */
export type CreateOutcome =
  { readonly kind: 'created'; readonly conversationId: string; readonly reference: string } | Exclude<ConnectorOutcome, { kind: 'ok' }>;

/** A JSON activity (message with text and/or attachments). */
export type OutgoingActivity = Readonly<Record<string, unknown>>;

/** Sends to the Bot Connector; `reference` is the stored SDK ConversationReference JSON. */
export interface TeamsConnector {
  send(reference: string, activity: OutgoingActivity): Promise<ConnectorOutcome>;
  update(reference: string, activityId: string, activity: OutgoingActivity): Promise<ConnectorOutcome>;
  /** Opens a 1:1 chat with a user who has the app (org-wide installs) and returns its reference. */
  createPersonal(input: { serviceUrl: string; agentId: string; tenantId?: string; userId: string }): Promise<CreateOutcome>;
}

/** Parses an HTTP `Retry-After` value (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps an HTTP status from the connector to an outcome. */
export function outcomeOfStatus(status: number | undefined, retryAfter: number | undefined, reason: string): ConnectorOutcome {
  if (status === 429) return { kind: 'throttled', ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) };
  if (status === 403 || status === 404) return { kind: 'gone', status };
  return { kind: 'failed', reason, ...(status !== undefined ? { status } : {}) };
}
