/**
 * `lotse tickets list [--for <person>] [--json] | claim <nr> --as <person> | answer <nr> --as <person> "text" | inbox --as <person>
 *  | faq <nr> --as <lotse> [--model | --question … --answer …] | approve|reject|revalidate <draft> --as <owner>`:
 * the Digitallotsen queue from the shell (the console, `/konsole/tickets`, offers the same in the browser).
 * `--as` names a person of the directory; whoever has this shell is trusted like an operator.
 */
import type { Ticket } from '../../ports/tickets.ts';
import { createTicketStatistics } from '../../app/ticket-statistics.ts';
import type { CliIo } from '../cli-io.ts';
import { openLotse } from '../open-lotse.ts';
import { channelHostOf, registerQueuedChannels } from '../../app/channels.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

function line(ticket: Ticket): string {
  const who = ticket.assignee ? `bei ${ticket.assignee}` : `für ${ticket.candidates.join(', ') || '–'}`;
  const returned = ticket.state === 'returned' && ticket.returned?.note ? `  (zurückgegeben: „${ticket.returned.note}“)` : '';
  return `Nr. ${ticket.number}  ${ticket.state.padEnd(8)}  ${who}  „${ticket.question}“${returned}`;
}

/** Runs a tickets subcommand. */
export async function runTickets(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    json: { type: 'boolean' },
    for: { type: 'string' },
    as: { type: 'string' },
    question: { type: 'string' },
    answer: { type: 'string' },
    model: { type: 'boolean' },
  });
  const [action, number, ...text] = positionals;
  if (!action || !['list', 'stats', 'claim', 'answer', 'inbox', 'faq', 'approve', 'reject', 'revalidate'].includes(action))
    throw new UsageError('tickets needs list, stats, claim, answer, inbox, faq, approve, reject or revalidate.');
  if (action !== 'list' && action !== 'stats' && !values.as) throw new UsageError(`tickets ${action} needs --as <person id>.`);
  const { lotse, logger } = await openLotse(io, values.data, { quiet: true });
  // Answers and notifications reach Teams and Jabber through their outboxes, which `serve` sends (issue #19).
  await registerQueuedChannels(channelHostOf(lotse, logger));
  try {
    if (action === 'list') {
      const tickets = values.for ? await lotse.escalation.queueFor(values.for) : await lotse.escalation.allTickets();
      io.stdout(
        values.json ? JSON.stringify(tickets) + '\n' : tickets.map(line).join('\n') + (tickets.length ? '\n' : 'Keine Anfragen.\n'),
      );
      return 0;
    }
    if (action === 'stats') {
      io.stdout(JSON.stringify(await createTicketStatistics(lotse)(), null, 2) + '\n');
      return 0;
    }
    if (action === 'inbox') {
      for (const entry of await lotse.inbox.unread(values.as!)) io.stdout(`${entry.createdAt}  ${entry.text}\n`);
      return 0;
    }
    if (!number) throw new UsageError(`tickets ${action} needs a number.`);
    if (action === 'faq' || action === 'approve' || action === 'reject' || action === 'revalidate') {
      const step =
        action === 'faq' && values.model
          ? await lotse.faq.draftWithModel(number, values.as!)
          : action === 'faq'
            ? await lotse.faq.draft(number, values.as!, {
                ...(values.question ? { question: values.question } : {}),
                ...(values.answer ? { answer: values.answer } : {}),
              })
            : action === 'revalidate'
              ? await lotse.faq.revalidate(Number(number), values.as!)
              : await lotse.faq.decide(Number(number), values.as!, action === 'approve');
      (step.kind === 'ok' ? io.stdout : io.stderr)(`${step.message}\n`);
      return step.kind === 'ok' ? 0 : 1;
    }
    const result =
      action === 'claim'
        ? await lotse.escalation.act(number, { type: 'claim', by: values.as! })
        : await lotse.escalation.act(number, { type: 'answer', by: values.as!, text: text.join(' ') });
    if (result.kind === 'refused') {
      io.stderr(`${result.message}\n`);
      return 1;
    }
    io.stdout(`${line(result.ticket)}\n`);
    return 0;
  } finally {
    await lotse.close();
  }
}
