/**
 * `lotse <command>`: dispatches to the commands. Exit codes: 0 ok, 1 failure, 2 usage error.
 */
import { describeError } from '../shared/errors.ts';
import { ConfigError } from '../config/config.ts';
import { processIo, type CliIo } from './cli-io.ts';
import { UsageError } from './parse-options.ts';

const usage = `Usage: lotse <command> [options]

Commands:
  ingest <folder> [--data <dir>] [--refresh] [--publish]   index a folder (incremental); --publish: one re-index leader cycle (DATABASE_URL)
  ask [--data <dir>] [--json] [--top <n>] [--tenant <t>] ["question"]
                                               answer a question; with --json and no question,
                                               read one question per line from stdin (JSON lines out)
  serve [--data <dir>] [--no-ingest] [--demo]  run the web chat (PORT, default 3978); --no-ingest: serve the index as it is,
                                               --demo: AUTH_MODE=dev unless a login is configured (npm start)
  audit verify [--head <seq:hash>] | report [--json] | purge
                                              check the audit chain (and an exported head), aggregated report (k >= 5), retention
  audit head | rekey                          print the chain head to export; re-key a chain written before the audit key
  audit reidentify --request <pseudonym> --reason "…" --by <person id>
                                               request to reveal one pseudonym; Personalrat and DSB
                                               approve in the console (/konsole/reidentifizierung)
  tickets list [--for <person>] [--json] | stats | inbox --as <person>
  tickets claim <nr> --as <person> | answer <nr> --as <person> "text"
  tickets faq <nr> --as <lotse> [--question …] [--answer …] | approve|reject <draft> --as <owner>
                                               the Digitallotsen queue and the answer → FAQ loop
  hr broadcast create|preview|release|send|report|list --as <person> [--audience …] [--title …] [--text …]
  hr survey create|revise [<id>] --file <survey.yaml> | approve|open|close|results [--csv] [--svg <dir>]|publish <id> --as <person>
                                               HR news and k-anonymous pulse surveys
  tickets revalidate <draft> --as <owner>      keep an FAQ entry from a ticket one more year
  absence set <date> | clear | show --as <lotse>
                                               a Digitallotse's "abwesend bis" (last absent day, e.g. 24.12.2026)
  privacy export <person> --by <dsb> [--out <file>] | erase <person> --by <dsb> --confirm
                                               GDPR access (Art. 15, JSON) and erasure (Art. 17), DSB only, audited
  backup <file> [--data <dir>]                 online copy of the SQLite database (PostgreSQL: pg_dump)
  restore <backup> --data <dir> [--key <audit.key>] [--force]
                                               restore a backup folder (daily job) or .db file into a stopped data dir
  help                                         show this text
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Commands load lazily, so that `ask` does not pay for the HTTP server's modules.
const commands: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import('./commands/ingest.ts')).runIngest,
  ask: async () => (await import('./commands/ask.ts')).runAsk,
  serve: async () => (await import('./commands/serve.ts')).runServe,
  audit: async () => (await import('./commands/audit.ts')).runAudit,
  tickets: async () => (await import('./commands/tickets.ts')).runTickets,
  hr: async () => (await import('./commands/hr.ts')).runHr,
  backup: async () => (await import('./commands/backup.ts')).runBackup,
  restore: async () => (await import('./commands/restore.ts')).runRestore,
  absence: async () => (await import('./commands/absence.ts')).runAbsence,
  privacy: async () => (await import('./commands/privacy.ts')).runPrivacy,
};

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${usage}`);
      return 2;
    }
    const prefix = error instanceof ConfigError ? '' : 'lotse failed: ';
    io.stderr(`${prefix}${describeError(error)}\n`);
    return 1;
  }
}
