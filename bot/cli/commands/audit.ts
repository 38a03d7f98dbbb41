/**
 * `lotse audit verify [--head <seq:hash>] | head | rekey | report [--json] | purge`: checks the HMAC chain (and
 * that an exported head is still there), prints or re-keys it, prints the aggregated
 * staff-council report (k ≥ 5), and removes audit records and idle conversations past their retention.
 */
import { weeklyReport } from '../../core/guardrails/audit-report.ts';
import type { CliIo } from '../cli-io.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

const percent = (value: number | null): string => (value === null ? '<5' : `${Math.round(value * 100)} %`);

/** Runs an audit subcommand. */
export async function runAudit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    json: { type: 'boolean' },
    request: { type: 'string' },
    reason: { type: 'string' },
    approve: { type: 'string' },
    role: { type: 'string' },
    by: { type: 'string' },
    head: { type: 'string' },
  });
  const action = positionals[0];
  if (!action || !['verify', 'report', 'purge', 'reidentify', 'head', 'rekey'].includes(action))
    throw new UsageError('audit needs verify, report, purge, reidentify, head or rekey.');
  const exported = values.head === undefined ? undefined : /^(\d+):([0-9a-f]{64})$/.exec(values.head);
  if (values.head !== undefined && !exported) throw new UsageError('--head expects <seq>:<hash> as printed by "lotse audit head".');
  const { lotse } = await openLotse(io, values.data, { quiet: true });
  try {
    if (action === 'head') {
      const head = await lotse.audit.head();
      io.stdout(`${head.seq}:${head.hash}\n`);
      return 0;
    }
    if (action === 'rekey') {
      const result = await lotse.audit.rekey();
      io.stdout(
        result.kind === 'intact'
          ? `Audit chain rekeyed: ${result.records} record(s).\n`
          : `Not rekeyed: chain broken at record ${result.atSequence} (${result.reason}).\n`,
      );
      return result.kind === 'intact' ? 0 : 1;
    }
    if (action === 'verify') {
      const result = await lotse.audit.verify(exported ? { seq: Number(exported[1]), hash: exported[2]! } : undefined);
      if (result.kind === 'intact') {
        io.stdout(`Audit chain intact: ${result.records} record(s).\n`);
        return 0;
      }
      io.stderr(`Audit chain BROKEN at record ${result.atSequence} (${result.reason.replace(/_/g, ' ')}).\n`);
      return 1;
    }
    if (action === 'reidentify') {
      // Approvals only from logged-in role holders in the console, never from a free-text --by (issue #18, item 12).
      if (values.approve) {
        io.stderr(
          'Zustimmungen zur Re-Identifizierung gibt es nur in der Konsole (/konsole/reidentifizierung), angemeldet als Personalrat oder Datenschutzbeauftragte(r).\n',
        );
        return 1;
      }
      const by = values.by ?? 'unbekannt';
      const result = values.request
        ? await lotse.reidentification.request({ pseudonym: values.request, reason: values.reason ?? '', by, now: new Date() })
        : undefined;
      if (!result)
        throw new UsageError(
          'audit reidentify needs --request <pseudonym> --reason "…"; approvals are given in the console (/konsole/reidentifizierung).',
        );
      io.stdout(JSON.stringify(result) + '\n');
      return result.kind === 'refused' ? 1 : 0;
    }
    if (action === 'purge') {
      // LOTSE_TODAY (reproducible runs, tests) fixes the purge date at noon UTC; else the real time.
      const now = lotse.config.today ? new Date(`${lotse.config.today}T12:00:00.000Z`) : new Date();
      const { removed, byType } = await lotse.audit.purge(now, lotse.retentionDays);
      const conversations = await lotse.purgeConversations(now);
      const records = Object.entries(await lotse.purgeRecords(now))
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ');
      const perType = Object.entries(byType)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ');
      io.stdout(
        `Purged ${removed} expired record(s)${perType ? ` (${perType})` : ''} and ${conversations} idle conversation(s); chain ${(await lotse.audit.verify()).kind}.\n`,
      );
      if (records) io.stdout(`Purged stored records past retention: ${records}.\n`);
      return 0;
    }
    // Administrative records (issue #22) are not turns; the console reports them apart.
    const report = weeklyReport((await lotse.audit.entries()).map((row) => row.entry).filter((entry) => entry.type !== 'admin'));
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    io.stdout('Woche     Anfragen  abgelehnt  weitergegeben  ohne Antwort  Regeln (Anzahl)\n');
    for (const week of report) {
      const rules = week.rules.map((rule) => `${rule.id} ${rule.count ?? '<5'}`).join(', ');
      io.stdout(
        `${week.week}  ${String(week.turns ?? '<5').padStart(8)}  ${percent(week.refusedRate).padStart(9)}  ${percent(week.escalatedRate).padStart(13)}  ${percent(week.noAnswerRate).padStart(12)}  ${rules}\n`,
      );
      if (week.unansweredTopics.length)
        io.stdout(
          `          unbeantwortete Themen: ${week.unansweredTopics.map((topic) => `${topic.topic} (${topic.askers})`).join(', ')}\n`,
        );
    }
    return 0;
  } finally {
    await lotse.close();
  }
}
