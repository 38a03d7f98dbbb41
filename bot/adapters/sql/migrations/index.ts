/** Every schema migration, in the order they run. Append new ones; never edit or reorder applied ones. */
import type { StoreMigration } from './migration.ts';
import { conversationsMigration } from './0001-conversations.ts';
import { inboxMigration } from './0002-inbox.ts';
import { auditMigration } from './0003-audit.ts';
import { sessionsMigration } from './0004-sessions.ts';
import { jobLeasesMigration } from './0005-job-leases.ts';
import { dailyRunsMigration } from './0007-daily-runs.ts';
import { absencesMigration } from './0010-absences.ts';
import { feedbackQueueMigration } from './0011-feedback-queue.ts';
import { faqDraftsMigration } from './0012-faq-drafts.ts';
import { ticketsMigration } from './0006-tickets.ts';
import { indexPublicationMigration } from './0008-index-publication.ts';
import { directoryVersionsMigration } from './0009-directory-versions.ts';
import { reidentificationMigration } from './0019-reidentification.ts';
import { teamsMigration } from './0013-teams.ts';
import { teamsOutboxMigration } from './0014-teams-outbox.ts';
import { xmppMigration } from './0015-xmpp.ts';
import { surveysMigration } from './0016-surveys.ts';
import { broadcastsMigration } from './0017-broadcasts.ts';
import { hrOutboxMigration } from './0018-hr-outbox.ts';

export const storeMigrations: readonly StoreMigration[] = [
  conversationsMigration,
  inboxMigration,
  auditMigration,
  sessionsMigration,
  ticketsMigration,
  jobLeasesMigration,
  dailyRunsMigration,
  absencesMigration,
  indexPublicationMigration,
  directoryVersionsMigration,
  feedbackQueueMigration,
  faqDraftsMigration,
  reidentificationMigration,
  teamsMigration,
  teamsOutboxMigration,
  xmppMigration,
  surveysMigration,
  broadcastsMigration,
  hrOutboxMigration,
];
