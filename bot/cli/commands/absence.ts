/**
 * `lotse absence set <date> --as <lotse> | clear --as <lotse> | show --as <lotse>`: a Digitallotse's
 * "abwesend bis" from the shell (dates as 24.12.2026 or 2026-12-24; the last absent day). `--as` names a
 * person of the directory; whoever has this shell is trusted like an operator (as with `lotse tickets`).
 */
import type { CliIo } from '../cli-io.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

/** Runs an absence subcommand; exit 1 when the date or the person is refused. */
export async function runAbsence(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { data: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' } });
  const [action, date] = positionals;
  if (!action || !['set', 'clear', 'show'].includes(action)) throw new UsageError('absence needs set <date>, clear or show.');
  if (!values.as) throw new UsageError(`absence ${action} needs --as <person id>.`);
  if (action === 'set' && !date) throw new UsageError('absence set needs the last absent day, e.g. 24.12.2026.');
  const { lotse } = await openLotse(io, values.data, { quiet: true });
  try {
    const { availability } = lotse;
    const result =
      action === 'set'
        ? await availability.setAbsent(values.as, date!)
        : action === 'clear'
          ? await availability.clear(values.as)
          : await availability.status(values.as);
    const refused = result.kind === 'invalid_date' || result.kind === 'in_past' || result.kind === 'too_far' || result.kind === 'not_lotse';
    const output = values.json ? JSON.stringify(result) : result.text;
    (refused ? io.stderr : io.stdout)(`${output}\n`);
    return refused ? 1 : 0;
  } finally {
    await lotse.close();
  }
}
