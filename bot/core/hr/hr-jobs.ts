/**
 * The HR scheduler step `runDue`: sends due broadcasts, opens approved surveys whose window started, closes
 * surveys whose window ended (writing the last buffered answers), queues reminders to non-participants,
 * and drains the outbox. Every step is recorded in storage before anything is sent, so running it again,
 * or after a restart, never sends twice.
 */
import type { Clock } from '../../ports/clock.ts';
import type { Outbox, SurveyStore } from '../../ports/hr-store.ts';
import type { HrPolicy } from '../../ports/hr-types.ts';
import type { Logger } from '../../shared/logger.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { BroadcastService } from './broadcast-service.ts';
import type { DeliveryWorker, DrainResult } from './delivery-worker.ts';
import type { HrMessages } from './hr-messages.ts';
import { surveyJob, type SurveyService } from './survey-service.ts';

/** Dependencies of the scheduler step. */
export interface HrJobDeps {
  readonly broadcasts: BroadcastService;
  readonly surveys: SurveyService;
  readonly surveyStore: SurveyStore;
  readonly outbox: Outbox;
  readonly worker: DeliveryWorker;
  readonly policy: HrPolicy;
  readonly clock: Clock;
  readonly messages: HrMessages;
  readonly logger: Logger;
}

/** Creates the scheduler step; concurrent calls wait for nothing and return `busy`. */
export function createHrJobs(deps: HrJobDeps) {
  let running = false;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const hours = (count: number): number => count * 3_600_000;

  const remind = async (surveyId: string): Promise<void> => {
    const survey = await deps.surveys.get(surveyId);
    if (!survey) return;
    const round = (await deps.surveyStore.remindersSent(surveyId)) + 1;
    if (round > deps.policy.reminder.max) return;
    const due = Date.parse(survey.opensAt) + hours(deps.policy.reminder.intervalHours) * round;
    if (deps.clock.now().getTime() < due) return;
    const at = deps.clock.now().toISOString();
    if (!(await deps.surveyStore.recordReminder(surveyId, round, at))) return;
    const text = fillTemplate(deps.messages.surveyReminder, { title: survey.title, closes: deps.surveys.closesText(survey) });
    await deps.outbox.enqueue(
      surveyJob(surveyId, `reminder-${round}`),
      { kind: 'survey-reminder', text, title: survey.title, surveyId },
      await deps.surveys.nonParticipants(surveyId),
      at,
    );
  };

  const surveySteps = async (): Promise<void> => {
    const at = deps.clock.now().toISOString();
    for (const survey of await deps.surveys.list()) {
      if (survey.state === 'approved' && survey.opensAt <= at && at < survey.closesAt) await deps.surveys.open(survey.id);
      else if (survey.state === 'open' && survey.closesAt <= at) await deps.surveys.close(survey.id);
      else if (survey.state === 'open') await remind(survey.id);
      else if (survey.state === 'closed') await deps.surveys.flushClosed(survey.id);
    }
  };

  return {
    /** Runs every due HR job once. */
    async runDue(): Promise<{ kind: 'done'; delivery: DrainResult } | { kind: 'busy' }> {
      if (running || stopped) return { kind: 'busy' };
      running = true;
      const run = (async () => {
        try {
          await deps.broadcasts.enqueueDue();
          await surveySteps();
          const delivery = await deps.worker.drain();
          await deps.broadcasts.finishSent();
          return { kind: 'done' as const, delivery };
        } finally {
          running = false;
        }
      })();
      current = run.catch(() => undefined);
      return run;
    },
    /**
     * Graceful shutdown: no further runs; a run in progress and then a last drain of the outbox deliver what
     * is due until `until` (epoch ms). Undelivered rows stay pending in the store.
     */
    async drainOutbox(until: number): Promise<DrainResult> {
      stopped = true;
      deps.worker.haltAt(until);
      await current;
      const delivery = await deps.worker.drain(undefined, until);
      await deps.broadcasts.finishSent();
      return delivery;
    },
  };
}

/** The scheduler step's interface. */
export type HrJobs = ReturnType<typeof createHrJobs>;
