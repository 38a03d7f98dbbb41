/**
 * `TeamsConnector` over the Microsoft 365 Agents SDK (`CloudAdapter.continueConversation`,
 * `createConversationAsync`): the SDK acquires tokens and talks to the Bot Connector; we only map its
 * `HttpError`s to outcome values.
 */
import { CloudAdapter, HttpError } from '@microsoft/agents-hosting';
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import { describeError } from '../../../shared/errors.ts';
import {
  outcomeOfStatus,
  retryAfterMs,
  type ConnectorOutcome,
  type CreateOutcome,
  type OutgoingActivity,
  type TeamsConnector,
} from './teams-connector.ts';

/** Who the bot is when it calls the connector (empty app id in dev mode). */
export interface SdkConnectorOptions {
  readonly adapter: CloudAdapter;
  readonly appId?: string;
}

function failure(error: unknown): Exclude<ConnectorOutcome, { kind: 'ok' }> {
  if (error instanceof HttpError) {
    return outcomeOfStatus(
      error.status,
      retryAfterMs(error.response?.headers?.get?.('retry-after'), Date.now()),
      `HTTP ${error.status}`,
    ) as Exclude<ConnectorOutcome, { kind: 'ok' }>;
  }
  return { kind: 'failed', reason: describeError(error) };
}

function parseReference(reference: string): ConversationReference {
  return JSON.parse(reference) as ConversationReference;
}

/** Creates the SDK-backed connector. */
export function createSdkConnector(options: SdkConnectorOptions): TeamsConnector {
  // In dev mode there is no app id: an identity without `aud` makes the SDK call the connector anonymously.
  const identity = options.appId ? options.appId : {};
  const within = async (
    reference: string,
    work: (
      send: (activity: Activity) => Promise<string | undefined>,
      update: (activity: Activity) => Promise<void>,
    ) => Promise<string | undefined>,
  ): Promise<ConnectorOutcome> => {
    // Errors are caught inside the turn: the adapter's turn-error handler would otherwise swallow them.
    let failed: { error: unknown } | undefined;
    let activityId: string | undefined;
    try {
      await options.adapter.continueConversation(identity, parseReference(reference), async (context) => {
        try {
          activityId = await work(
            async (activity) => {
              // A new message, not a reply to the SDK's synthetic continuation activity.
              activity.applyConversationReference(parseReference(reference));
              delete activity.replyToId;
              const [response] = await options.adapter.sendActivities(context, [activity]);
              return response?.id || undefined;
            },
            async (activity) => context.updateActivity(activity),
          );
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed = { error };
    }
    if (failed) return failure(failed.error);
    return { kind: 'ok', ...(activityId ? { activityId } : {}) };
  };
  return {
    send: (reference, activity) => within(reference, (send) => send(Activity.fromObject(activity))),
    update: (reference, activityId, activity) =>
      within(reference, async (_send, update) => {
        const target = Activity.fromObject({ ...activity, id: activityId });
        target.applyConversationReference(parseReference(reference));
        target.id = activityId;
        await update(target);
        return activityId;
      }),
    async createPersonal(input): Promise<CreateOutcome> {
      try {
        let reference: string | undefined;
        let conversationId = '';
        const parameters = {
          isGroup: false,
          members: [{ id: input.userId }],
          agent: { id: input.agentId },
          // The Bot Connector REST API names the bot account `bot`; the SDK passes the parameters through.
          bot: { id: input.agentId },
          ...(input.tenantId ? { tenantId: input.tenantId, channelData: { tenant: { id: input.tenantId } } } : {}),
        };
        await options.adapter.createConversationAsync(
          options.appId ?? '',
          'msteams',
          input.serviceUrl,
          'https://api.botframework.com',
          parameters as never,
          async (context) => {
            conversationId = context.activity.conversation?.id ?? '';
            reference = JSON.stringify({ ...context.activity.getConversationReference(), activityId: undefined });
          },
        );
        if (!reference || !conversationId) return { kind: 'failed', reason: 'connector returned no conversation id' };
        return { kind: 'created', conversationId, reference };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
