/**
 * `lotse privacy export <person> --by <dsb> [--out <file>] | erase <person> --by <dsb> --confirm`: data-subject
 * requests (GDPR Art. 15 access as JSON, Art. 17 erasure), only for a directory person holding the `dsb` role;
 * each request is audited under the person's pseudonym.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLotseDataSubjectRequests } from '../../app/create-data-subject-requests.ts';
import type { CliIo } from '../cli-io.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

/** Runs a privacy subcommand; exit 1 when the caller is not the DSB. */
export async function runPrivacy(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    by: { type: 'string' },
    out: { type: 'string' },
    confirm: { type: 'boolean' },
  });
  const [action, subject] = positionals;
  if ((action !== 'export' && action !== 'erase') || !subject) throw new UsageError('privacy needs export <person> or erase <person>.');
  if (!values.by) throw new UsageError(`privacy ${action} needs --by <person id of the DSB>.`);
  if (action === 'erase' && !values.confirm) throw new UsageError('privacy erase deletes for good: add --confirm.');
  const target = values.out ? resolve(io.cwd, values.out) : undefined;
  if (target && existsSync(target)) throw new UsageError(`${target} exists; choose a new file.`);
  const { lotse } = await openLotse(io, values.data, { quiet: true });
  try {
    const requests = createLotseDataSubjectRequests(lotse);
    const result =
      action === 'export' ? await requests.export({ subject, by: values.by }) : await requests.erase({ subject, by: values.by });
    if (result.kind === 'refused') {
      io.stderr(`${result.text}\n`);
      return 1;
    }
    const json = JSON.stringify(result, null, 2) + '\n';
    if (target) {
      writeFileSync(target, json, { mode: 0o600 });
      io.stdout(`Written to ${target}.\n`);
    } else io.stdout(json);
    return 0;
  } finally {
    await lotse.close();
  }
}
