/**
 * Wires HR news and pulse surveys (issue #10): the asynchronous stores on the store database (SQLite or PostgreSQL,
 * tables from migrations 0016–0018), policy, German texts, the services, the chat handler, the outbox worker over the
 * channel router, and the scheduler step `runDue`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import { SqlBroadcasts } from '../adapters/storage/sql-broadcasts.ts';
import { SqlHrOutbox } from '../adapters/storage/sql-hr-outbox.ts';
import { SqlSurveys } from '../adapters/storage/sql-surveys.ts';
import { createBroadcastService } from '../core/hr/broadcast-service.ts';
import { createDeliveryWorker } from '../core/hr/delivery-worker.ts';
import { createHrChat } from '../core/hr/hr-chat.ts';
import { createHrJobs } from '../core/hr/hr-jobs.ts';
import { createSurveyService } from '../core/hr/survey-service.ts';
import type { Clock, IdGenerator } from '../ports/clock.ts';
import type { Directory } from '../ports/directory.ts';
import type { Logger } from '../shared/logger.ts';
import { loadHrPolicy, type LoadedHrPolicy } from '../../policies/load-broadcasts.ts';
import { loadHrMessages } from '../../prompts/load-hr-messages.ts';
import type { ChannelRouter } from './channel-router.ts';
import type { Hr } from '../http/hr-deps.ts';

/** HR news and surveys of one lotse process (defined in `bot/http/hr-deps.ts`, which the HR routes consume). */
export type { Hr } from '../http/hr-deps.ts';

/** What the HR wiring needs from the composition root. */
export interface HrDeps {
  /** The migrated asynchronous store database. */
  readonly store: StoreDatabase;
  readonly directory: Directory;
  readonly channels: ChannelRouter;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly policiesDir: string;
  /** `broadcasts.yaml` when the caller has read it already (createLotse checks it before any database work). */
  readonly policy?: LoadedHrPolicy;
  /** Masks personal data in free-text answers before they are buffered (the guardrail's masking). */
  readonly maskText?: (text: string) => string;
}

/** Creates the HR services; an invalid `broadcasts.yaml` stops start-up with a `PolicyError`. */
export function createHr(deps: HrDeps): Hr {
  const policy = deps.policy ?? loadHrPolicy(deps.policiesDir);
  const messages = loadHrMessages();
  const broadcastStore = new SqlBroadcasts(deps.store);
  const outbox = new SqlHrOutbox(deps.store);
  const surveyStore = new SqlSurveys(deps.store);
  const common = { outbox, subscriptions: broadcastStore, directory: deps.directory, policy, clock: deps.clock, ids: deps.ids, messages };
  const broadcasts = createBroadcastService({ ...common, store: broadcastStore });
  const surveys = createSurveyService({
    ...common,
    store: surveyStore,
    logger: deps.logger,
    ...(deps.maskText ? { maskText: deps.maskText } : {}),
  });
  const worker = createDeliveryWorker({
    outbox,
    sender: deps.channels,
    channelOf: (personId) => deps.channels.channelFor(personId) ?? 'web',
    policy,
    leaseSeconds: policy.leaseSeconds,
    clock: deps.clock,
    sleep: (milliseconds) => sleep(milliseconds),
    logger: deps.logger,
  });
  const jobs = createHrJobs({ broadcasts, surveys, surveyStore, outbox, worker, policy, clock: deps.clock, messages, logger: deps.logger });
  return {
    policy,
    messages,
    broadcasts,
    surveys,
    surveyStore,
    subscriptions: broadcastStore,
    jobs,
    queues: { outboxPending: () => outbox.pendingCount(), surveyBufferPending: () => surveys.pending() },
    canManage: (personId) => deps.directory.person(personId)?.roles.includes('hr') ?? false,
    canSeeResults: (personId) => deps.directory.person(personId)?.roles.some((role) => role === 'hr' || role === 'personalrat') ?? false,
    chat: createHrChat({
      surveys,
      subscriptions: broadcastStore,
      outbox,
      acknowledge: (personId, job) => broadcasts.acknowledge(personId, job.replace(/^broadcast:/, '')),
      policy,
      messages,
    }),
    close: () => {
      const discarded = surveys.pending();
      if (discarded > 0) deps.logger.warn('hr-buffered-responses-discarded', { responses: discarded });
    },
  };
}
