/**
 * Reads the fields of a Teams activity that lotse uses (zod, minimal and tolerant) and classifies it:
 * a question (personal chat, group chat, or a channel message that mentions the bot; the mention is
 * stripped), a card action, an install/uninstall, members added, or something to ignore.
 */
import { z } from 'zod';
import type { TeamsConversationKind } from './teams-store.ts';

const accountSchema = z.object({ id: z.string().min(1), name: z.string().nullish(), aadObjectId: z.string().nullish() });

const activitySchema = z.object({
  type: z.string().min(1),
  name: z.string().nullish(),
  text: z.string().nullish(),
  value: z.unknown().optional(),
  action: z.string().nullish(),
  // Absent for `expectReplies` requests (replies go back in the HTTP response).
  serviceUrl: z.string().min(1).nullish(),
  from: accountSchema,
  recipient: accountSchema,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().nullish(),
    tenantId: z.string().nullish(),
    isGroup: z.boolean().nullish(),
  }),
  channelData: z
    .object({ tenant: z.object({ id: z.string() }).nullish() })
    .passthrough()
    .nullish(),
  entities: z
    .array(z.object({ type: z.string(), text: z.string().nullish(), mentioned: z.object({ id: z.string() }).nullish() }).passthrough())
    .nullish(),
  membersAdded: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
  membersRemoved: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
});

/** Where an activity happened. */
export interface TeamsConversationInfo {
  readonly id: string;
  readonly kind: TeamsConversationKind;
  readonly tenantId?: string;
  readonly serviceUrl?: string;
}

/** Who sent it. */
export interface TeamsUserInfo {
  readonly id: string;
  readonly aadObjectId?: string;
}

/** What an activity means for lotse (without where and who). */
export type TeamsInboundKind =
  | { readonly kind: 'question'; readonly text: string }
  | { readonly kind: 'card-action'; readonly value: unknown; readonly fromInvoke: boolean }
  | { readonly kind: 'installed' }
  | { readonly kind: 'uninstalled' }
  | { readonly kind: 'bot-added' }
  | { readonly kind: 'bot-removed' }
  | { readonly kind: 'ignored'; readonly reason: string; readonly invoke: boolean };

/** What an activity means for lotse. */
export type TeamsInbound = { readonly conversation: TeamsConversationInfo; readonly user: TeamsUserInfo } & TeamsInboundKind;

/** Result of reading an activity. */
export type ReadActivity = { readonly ok: true; readonly inbound: TeamsInbound } | { readonly ok: false; readonly problem: string };

function kindOf(type: string | null | undefined): TeamsConversationKind {
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

/** Removes `<at>…</at>` mentions of the bot (and any left-over markup) from a message text. */
export function stripBotMention(text: string, mentions: readonly { text?: string | null | undefined }[]): string {
  let cleaned = text;
  for (const mention of mentions) if (mention.text) cleaned = cleaned.split(mention.text).join(' ');
  return cleaned
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Parsed = z.infer<typeof activitySchema>;

function classifyMessage(activity: Parsed, kind: TeamsConversationKind): TeamsInboundKind {
  if (activity.value !== undefined && activity.value !== null && !activity.text)
    return { kind: 'card-action', value: activity.value, fromInvoke: false };
  const botMentions = (activity.entities ?? []).filter(
    (entity) => entity.type === 'mention' && entity.mentioned?.id === activity.recipient.id,
  );
  if (kind === 'channel' && botMentions.length === 0) return { kind: 'ignored', reason: 'channel message without mention', invoke: false };
  return { kind: 'question', text: stripBotMention(activity.text ?? '', botMentions) };
}

function classify(activity: Parsed, kind: TeamsConversationKind): TeamsInboundKind {
  const botId = activity.recipient.id;
  switch (activity.type) {
    case 'message':
      return classifyMessage(activity, kind);
    case 'invoke':
      if (activity.name === 'adaptiveCard/action') return { kind: 'card-action', value: activity.value, fromInvoke: true };
      return { kind: 'ignored', reason: `invoke ${activity.name ?? ''}`, invoke: true };
    case 'installationUpdate':
      return { kind: activity.action?.startsWith('remove') ? 'uninstalled' : 'installed' };
    case 'conversationUpdate':
      if ((activity.membersAdded ?? []).some((member) => member.id === botId)) return { kind: 'bot-added' };
      if ((activity.membersRemoved ?? []).some((member) => member.id === botId)) return { kind: 'bot-removed' };
      return { kind: 'ignored', reason: 'conversationUpdate without the bot', invoke: false };
    default:
      return { kind: 'ignored', reason: `activity type ${activity.type}`, invoke: false };
  }
}

/** Reads an activity object (as the SDK parsed it). */
export function readTeamsActivity(raw: unknown): ReadActivity {
  const parsed = activitySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ') };
  const activity = parsed.data;
  const kind = kindOf(activity.conversation.conversationType);
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? undefined;
  const conversation: TeamsConversationInfo = {
    id: activity.conversation.id,
    kind,
    ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
  const user: TeamsUserInfo = { id: activity.from.id, ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) };
  return { ok: true, inbound: { conversation, user, ...classify(activity, kind) } };
}
