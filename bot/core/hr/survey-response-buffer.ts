/**
 * The in-memory buffer of complete survey responses: the only place a response is linked to its person. A
 * batch is written without the person once enough people are buffered; batch writes of one survey take turns,
 * and people who answered on another replica meanwhile are dropped (first response wins).
 */
import type { BufferedResponse, SurveyStore } from '../../ports/hr-store.ts';
import type { Logger } from '../../shared/logger.ts';

/** The response buffer over the survey store. */
export function createResponseBuffer(deps: { readonly store: SurveyStore; readonly logger: Logger }) {
  const { store } = deps;
  // Responses linked to their person in memory only, until the batch is written (never stored with the person).
  const buffers = new Map<string, BufferedResponse[]>();

  // Batch writes of one survey take turns: responses arriving during a write stay in the buffer for the next one.
  const writing = new Map<string, Promise<unknown>>();

  const flushNow = async (surveyId: string, minimum: number): Promise<number> => {
    const batch = [...(buffers.get(surveyId) ?? [])];
    if (batch.length === 0 || batch.length < minimum) return 0;
    const outcome = await store.writeBatch(surveyId, batch, minimum);
    if (outcome.duplicates.length > 0) deps.logger.info('hr-survey-duplicates-dropped', { surveyId, responses: outcome.duplicates.length });
    const gone = new Set(outcome.kind === 'written' ? batch : batch.filter((response) => outcome.duplicates.includes(response.personId)));
    const remaining = (buffers.get(surveyId) ?? []).filter((response) => !gone.has(response));
    if (remaining.length > 0) buffers.set(surveyId, remaining);
    else buffers.delete(surveyId);
    return outcome.kind === 'written' ? outcome.people : 0;
  };

  /**
   * Writes the buffer when at least `minimum` of its people have not answered elsewhere (another replica):
   * those are dropped (first response wins); a batch that would fall below `minimum` stays buffered.
   */
  const flush = (surveyId: string, minimum: number): Promise<number> => {
    const turn = (writing.get(surveyId) ?? Promise.resolve()).then(() => flushNow(surveyId, minimum));
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    writing.set(surveyId, settled);
    void settled.then(() => {
      if (writing.get(surveyId) === settled) writing.delete(surveyId);
    });
    return turn;
  };

  /** Whether the person's response to the survey waits in the buffer. */
  const buffered = (surveyId: string, personId: string): boolean =>
    buffers.get(surveyId)?.some((response) => response.personId === personId) ?? false;

  /** Adds a complete response; returns how many responses of the survey are buffered now. */
  const add = (surveyId: string, response: BufferedResponse): number => {
    const buffer = [...(buffers.get(surveyId) ?? []), response];
    buffers.set(surveyId, buffer);
    return buffer.length;
  };

  /** Buffered responses not yet written (they are discarded on shutdown, see docs/hr.md). */
  const pending = (): number => [...buffers.values()].reduce((sum, buffer) => sum + buffer.length, 0);

  return { flush, buffered, add, pending };
}
