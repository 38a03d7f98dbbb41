/**
 * What the HR routes and the HR console need from the running lotse: HR news and pulse surveys (issue #10).
 * Defined on the HTTP side so that `bot/http` never imports `bot/app` (the composition root imports `bot/http`,
 * not the other way round); `createHr` in `bot/app/create-hr.ts` implements it and re-exports the type.
 * Imports only core, ports and policies types.
 */
import type { BroadcastService } from '../core/hr/broadcast-service.ts';
import type { HrChat } from '../core/hr/hr-chat.ts';
import type { HrJobs } from '../core/hr/hr-jobs.ts';
import type { HrMessages } from '../core/hr/hr-messages.ts';
import type { SurveyService } from '../core/hr/survey-service.ts';
import type { Subscriptions, SurveyStore } from '../ports/hr-store.ts';
import type { LoadedHrPolicy } from '../../policies/load-broadcasts.ts';

/** HR news and surveys of one lotse process. */
export interface Hr {
  readonly policy: LoadedHrPolicy;
  readonly messages: HrMessages;
  readonly broadcasts: BroadcastService;
  readonly surveys: SurveyService;
  readonly surveyStore: SurveyStore;
  readonly subscriptions: Subscriptions;
  /** Chat commands and the survey dialog, for every channel. */
  readonly chat: HrChat;
  /** The scheduler step: call it periodically (serve) or once (`lotse hr … send`). */
  readonly jobs: HrJobs;
  /** Whether a person holds the `hr` role (compose, open/close surveys, delivery reports). */
  canManage(personId: string): boolean;
  /** Whether a person may see survey results (`hr` or `personalrat`). */
  canSeeResults(personId: string): boolean;
  /** Outbox rows still to deliver and survey answers buffered below k (queue gauges; counts only). */
  readonly queues: { outboxPending(): Promise<number>; surveyBufferPending(): number };
  /** Discards responses still buffered (fewer than k): writing them alone could link them to people. */
  close(): void;
}
