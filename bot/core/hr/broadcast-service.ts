/**
 * HR broadcasts: compose (checked against `policies/broadcasts.yaml`), preview the audience with counts,
 * release (four eyes when the policy says so), and hand due broadcasts to the durable outbox. Expected
 * refusals are values with a German message; the audience is resolved once, when the broadcast is due. Every step
 * awaits the asynchronous stores (issue #20).
 */
import type { Clock, IdGenerator } from '../../ports/clock.ts';
import type { Directory } from '../../ports/directory.ts';
import type { BroadcastStore, Outbox, Subscriptions } from '../../ports/hr-store.ts';
import type { Audience, Broadcast, DeliveryReport, HrPolicy } from '../../ports/hr-types.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { HrMessages } from './hr-messages.ts';
import type { BroadcastDraft } from './hr-schemas.ts';
import { checkSender, resolveAudience, type AudienceRefusal } from './resolve-audience.ts';

/** What the broadcast and survey services both need. */
export interface HrServiceDeps {
  readonly outbox: Outbox;
  readonly subscriptions: Subscriptions;
  readonly directory: Directory;
  readonly policy: HrPolicy;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly messages: HrMessages;
}

/** Dependencies of the broadcast service. */
export interface BroadcastDeps extends HrServiceDeps {
  readonly store: BroadcastStore;
}

/** A refused step with its German reason. */
export type Refused = { readonly kind: 'refused'; readonly reason: string; readonly message: string };

/** The audience preview: total and count per unit. */
export interface AudiencePreview {
  readonly kind: 'ok';
  readonly recipients: number;
  readonly byUnit: readonly { readonly unit: string; readonly name: string; readonly count: number }[];
}

/** The outbox job of a broadcast. */
export const broadcastJob = (id: string): string => `broadcast:${id}`;

/** Turns an audience refusal into its German text. */
export function audienceRefusal(refusal: AudienceRefusal, messages: HrMessages): Refused {
  const text = {
    not_permitted: () => fillTemplate(messages.refusedNotPermitted, { audience: refusal.kind === 'not_permitted' ? refusal.audience : '' }),
    unit_not_permitted: () =>
      fillTemplate(messages.refusedUnitNotPermitted, { unit: refusal.kind === 'unit_not_permitted' ? refusal.unit : '' }),
    unknown_unit: () => fillTemplate(messages.refusedUnknownUnit, { unit: refusal.kind === 'unknown_unit' ? refusal.unit : '' }),
    unknown_topic: () => fillTemplate(messages.refusedUnknownTopic, { topic: refusal.kind === 'unknown_topic' ? refusal.topic : '' }),
    unknown_sender: () => messages.refusedUnknownSender,
  }[refusal.kind]();
  return { kind: 'refused', reason: refusal.kind, message: text };
}

/** Size in bytes of a base64 data URL's content. */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

/** Creates the broadcast service. */
export function createBroadcastService(deps: BroadcastDeps) {
  const { messages } = deps;
  const now = (): string => deps.clock.now().toISOString();
  const recipientsOf = async (audience: Audience): Promise<readonly string[]> => {
    const subscribed = audience.kind === 'topic' ? await deps.subscriptions.subscribers(audience.topic) : [];
    return resolveAudience(audience, deps.directory, () => subscribed);
  };
  const wrongState = (state: string): Refused => ({
    kind: 'refused',
    reason: 'wrong_state',
    message: fillTemplate(messages.refusedWrongState, { state }),
  });
  const notFound: Refused = { kind: 'refused', reason: 'not_found', message: messages.refusedNotFound };

  const check = async (actor: string, audience: Audience): Promise<Refused | undefined> => {
    const refusal = checkSender(actor, audience, deps.directory, deps.policy);
    if (refusal) return audienceRefusal(refusal, messages);
    if ((await recipientsOf(audience)).length === 0)
      return { kind: 'refused', reason: 'empty_audience', message: messages.refusedEmptyAudience };
    return undefined;
  };

  const preview = async (actor: string, audience: Audience): Promise<AudiencePreview | Refused> => {
    const refused = await check(actor, audience);
    if (refused) return refused;
    const counts = new Map<string, number>();
    const recipients = await recipientsOf(audience);
    for (const personId of recipients) {
      const unit = deps.directory.person(personId)?.unit ?? '';
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    const byUnit = [...counts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([unit, count]) => ({ unit, name: deps.directory.unit(unit)?.name ?? unit, count }));
    return { kind: 'ok', recipients: recipients.length, byUnit };
  };

  const create = async (
    actor: string,
    draft: BroadcastDraft,
  ): Promise<{ kind: 'ok'; broadcast: Broadcast; recipients: number } | Refused> => {
    const refused = await check(actor, draft.audience);
    if (refused) return refused;
    if (draft.image && dataUrlBytes(draft.image) > deps.policy.imageMaxBytes) {
      const size = String(Math.ceil(dataUrlBytes(draft.image) / 1024));
      return {
        kind: 'refused',
        reason: 'image_too_large',
        message: fillTemplate(messages.refusedImageTooLarge, { size, max: String(Math.floor(deps.policy.imageMaxBytes / 1024)) }),
      };
    }
    const at = now();
    const broadcast: Broadcast = {
      id: deps.ids.next('broadcast'),
      state: 'draft',
      author: actor,
      audience: draft.audience,
      sendAt: draft.sendAt ? new Date(draft.sendAt).toISOString() : at,
      createdAt: at,
      content: {
        title: draft.title,
        text: draft.text,
        acknowledge: draft.acknowledge,
        ...(draft.link ? { link: draft.link } : {}),
        ...(draft.image ? { image: draft.image } : {}),
      },
    };
    await deps.store.createBroadcast(broadcast);
    return { kind: 'ok', broadcast, recipients: (await recipientsOf(draft.audience)).length };
  };

  const release = async (actor: string, id: string): Promise<{ kind: 'ok'; broadcast: Broadcast } | Refused> => {
    const broadcast = await deps.store.broadcast(id);
    if (!broadcast) return notFound;
    if (broadcast.state !== 'draft') return wrongState(broadcast.state);
    if (deps.policy.fourEyes) {
      const releaser = deps.directory.person(actor);
      if (actor === broadcast.author || !releaser?.roles.some((role) => deps.policy.releaseRoles.includes(role)))
        return { kind: 'refused', reason: 'four_eyes', message: messages.refusedFourEyes };
    } else {
      const refused = await check(actor, broadcast.audience);
      if (refused) return refused;
    }
    if (!(await deps.store.transition(id, 'draft', { state: 'released', releasedBy: actor, releasedAt: now() })))
      return wrongState('released');
    const released = await deps.store.broadcast(id);
    return released ? { kind: 'ok', broadcast: released } : notFound;
  };

  const messageOf = (broadcast: Broadcast) => {
    const hint = broadcast.content.acknowledge ? `\n\n${messages.acknowledgeHint}` : '';
    const from = deps.directory.person(broadcast.author)?.name;
    return {
      kind: 'broadcast' as const,
      text: `${broadcast.content.text}${hint}`,
      title: broadcast.content.title,
      ...(from ? { from } : {}),
      ...(broadcast.content.link ? { link: broadcast.content.link } : {}),
      ...(broadcast.content.image ? { image: broadcast.content.image } : {}),
      ...(broadcast.content.acknowledge ? { acknowledgeJob: broadcastJob(broadcast.id) } : {}),
    };
  };

  /** Moves due released broadcasts into the outbox (idempotent: the job is created once). */
  const enqueueDue = async (): Promise<number> => {
    const at = now();
    let started = 0;
    for (const broadcast of await deps.store.broadcasts()) {
      if (broadcast.state !== 'released' || broadcast.sendAt > at) continue;
      await deps.outbox.enqueue(broadcastJob(broadcast.id), messageOf(broadcast), await recipientsOf(broadcast.audience), at);
      if (await deps.store.transition(broadcast.id, 'released', { state: 'sending' })) started += 1;
    }
    return started;
  };

  /** Marks broadcasts whose outbox is drained as sent. */
  const finishSent = async (): Promise<void> => {
    for (const broadcast of await deps.store.broadcasts()) {
      if (broadcast.state === 'sending' && !(await deps.outbox.open(broadcastJob(broadcast.id))))
        await deps.store.transition(broadcast.id, 'sending', { state: 'sent' });
    }
  };

  const report = async (id: string): Promise<{ kind: 'ok'; broadcast: Broadcast; report: DeliveryReport } | Refused> => {
    const broadcast = await deps.store.broadcast(id);
    return broadcast ? { kind: 'ok', broadcast, report: await deps.outbox.report(broadcastJob(id)) } : notFound;
  };

  const acknowledge = async (personId: string, id: string): Promise<boolean> => {
    const broadcast = await deps.store.broadcast(id);
    return Boolean(broadcast?.content.acknowledge) && (await deps.outbox.acknowledge(broadcastJob(id), personId, now().slice(0, 10)));
  };

  return {
    preview,
    create,
    release,
    enqueueDue,
    finishSent,
    report,
    acknowledge,
    list: async () => deps.store.broadcasts(),
    get: async (id: string) => deps.store.broadcast(id),
  };
}

/** The broadcast service's interface. */
export type BroadcastService = ReturnType<typeof createBroadcastService>;
