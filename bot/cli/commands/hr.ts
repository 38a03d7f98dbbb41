/**
 * `lotse hr broadcast create|preview|release|send|report|list` and
 * `lotse hr survey create|revise|approve|open|close|results|texts|review|publish`: HR news and pulse surveys from
 * the shell. `--as <person id>` is checked against the directory roles (hr, personalrat) by the services.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lotse } from '../../app/lotse.ts';
import { audienceSchema, broadcastDraftSchema, surveyDraftSchema } from '../../core/hr/hr-schemas.ts';
import { resultCharts, resultsMessage, resultsToCsv } from '../../core/hr/results-export.ts';
import type { CliIo } from '../cli-io.ts';
import { imageDataUrl, parseAudience, readDefinition, validate } from '../hr-options.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

const flags = {
  data: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  file: { type: 'string' },
  title: { type: 'string' },
  text: { type: 'string' },
  link: { type: 'string' },
  image: { type: 'string' },
  ack: { type: 'boolean' },
  audience: { type: 'string' },
  'send-at': { type: 'string' },
  csv: { type: 'boolean' },
  svg: { type: 'string' },
} as const;
type Values = ReturnType<typeof parseOptions<typeof flags>>['values'];
type Outcome = { kind: 'ok' } | { kind: 'refused'; message: string };

function finish(io: CliIo, outcome: Outcome, text: () => string): number {
  if (outcome.kind === 'refused') {
    io.stderr(`${outcome.message}\n`);
    return 1;
  }
  io.stdout(`${text()}\n`);
  return 0;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`hr needs ${what}.`);
  return value;
}

function refuseUnlessHr(lotse: Lotse, actor: string): Outcome {
  return lotse.hr.canManage(actor) ? { kind: 'ok' } : { kind: 'refused', message: lotse.hr.messages.refusedNotHr };
}

async function broadcast(lotse: Lotse, action: string, id: string | undefined, values: Values, io: CliIo): Promise<number> {
  const actor = need(values.as, '--as <person id>');
  const hr = lotse.hr;
  if (action === 'preview') {
    const preview = await hr.broadcasts.preview(actor, validate(parseAudience(need(values.audience, '--audience')), audienceSchema));
    return finish(io, preview, () =>
      preview.kind === 'ok'
        ? [
            `${preview.recipients} Empfänger`,
            ...preview.byUnit.map((unit) => `  ${unit.unit.padEnd(8)} ${String(unit.count).padStart(5)}  ${unit.name}`),
          ].join('\n')
        : '',
    );
  }
  if (action === 'create') {
    const draft = values.file
      ? readDefinition(values.file, io.cwd, broadcastDraftSchema)
      : validate(
          {
            title: values.title,
            text: values.text,
            audience: parseAudience(need(values.audience, '--audience')),
            acknowledge: values.ack ?? false,
            ...(values.link ? { link: values.link } : {}),
            ...(values.image ? { image: imageDataUrl(values.image, io.cwd) } : {}),
            ...(values['send-at'] ? { sendAt: values['send-at'] } : {}),
          },
          broadcastDraftSchema,
        );
    const created = await hr.broadcasts.create(actor, draft);
    return finish(io, created, () =>
      created.kind === 'ok'
        ? `${created.broadcast.id}  Entwurf, ${created.recipients} Empfänger, Versand ab ${created.broadcast.sendAt}`
        : '',
    );
  }
  if (action === 'release') {
    const released = await hr.broadcasts.release(actor, need(id, 'a broadcast id'));
    return finish(io, released, () =>
      released.kind === 'ok' ? `${released.broadcast.id}  freigegeben von ${actor}, Versand ab ${released.broadcast.sendAt}` : '',
    );
  }
  const allowed = refuseUnlessHr(lotse, actor);
  if (allowed.kind === 'refused') return finish(io, allowed, () => '');
  if (action === 'send') {
    const run = await hr.jobs.runDue();
    return finish(io, { kind: 'ok' }, () =>
      run.kind === 'done'
        ? `gesendet ${run.delivery.sent}, erneut versucht ${run.delivery.retried}, fehlgeschlagen ${run.delivery.failed}`
        : 'läuft bereits',
    );
  }
  if (action === 'list') {
    const list = await hr.broadcasts.list();
    return finish(
      io,
      { kind: 'ok' },
      () =>
        list.map((entry) => `${entry.id}  ${entry.state.padEnd(9)} ${entry.sendAt}  ${entry.content.title}`).join('\n') ||
        'Keine Nachrichten.',
    );
  }
  const report = await hr.broadcasts.report(need(id, 'a broadcast id'));
  return finish(io, report, () => {
    if (report.kind !== 'ok') return '';
    if (values.json) return JSON.stringify(report.report);
    const { recipients, sent, pending, failed, acknowledged, failures } = report.report;
    return [
      `${report.broadcast.content.title} (${report.broadcast.state})`,
      `Empfänger ${recipients}, gesendet ${sent}, offen ${pending}, fehlgeschlagen ${failed}, zur Kenntnis genommen ${acknowledged}`,
      ...failures.map((failure) => `  ${failure.count}× ${failure.reason}`),
    ].join('\n');
  });
}

async function survey(
  lotse: Lotse,
  action: string,
  id: string | undefined,
  rest: readonly string[],
  values: Values,
  io: CliIo,
): Promise<number> {
  const actor = need(values.as, '--as <person id>');
  const hr = lotse.hr;
  if (action === 'create') {
    const created = await hr.surveys.create(actor, readDefinition(need(values.file, '--file <survey.yaml>'), io.cwd, surveyDraftSchema));
    return finish(io, created, () =>
      created.kind === 'ok'
        ? `${created.survey.id}  Entwurf (Version ${created.survey.version}); Freigabe durch den Personalrat: lotse hr survey approve ${created.survey.id} --as <person>`
        : '',
    );
  }
  const surveyId = need(id, 'a survey id');
  if (action === 'revise') {
    const revised = await hr.surveys.revise(
      actor,
      surveyId,
      readDefinition(need(values.file, '--file <survey.yaml>'), io.cwd, surveyDraftSchema),
    );
    return finish(io, revised, () =>
      revised.kind === 'ok'
        ? `${revised.survey.id}  neue Version ${revised.survey.version} von ${surveyId} (Entwurf, braucht eine neue Freigabe)`
        : '',
    );
  }
  if (action === 'approve') {
    const approved = await hr.surveys.approve(actor, surveyId);
    return finish(io, approved, () => `${surveyId}  freigegeben von ${actor}`);
  }
  const isResults = action === 'results' || action === 'texts' || action === 'review';
  const allowed = isResults
    ? hr.canSeeResults(actor)
      ? { kind: 'ok' as const }
      : { kind: 'refused' as const, message: hr.messages.refusedNotHr }
    : refuseUnlessHr(lotse, actor);
  if (allowed.kind === 'refused') return finish(io, allowed, () => '');
  if (action === 'open' || action === 'close') {
    const step = action === 'open' ? await hr.surveys.open(surveyId) : await hr.surveys.close(surveyId);
    return finish(io, step, () => `${surveyId}  ${action === 'open' ? 'geöffnet' : 'geschlossen'}`);
  }
  if (action === 'texts') {
    const texts = await hr.surveyStore.texts(surveyId);
    return finish(
      io,
      { kind: 'ok' },
      () =>
        texts.map((text) => `${text.id}  ${text.reviewed ? 'geprüft ' : 'offen   '} ${text.questionId}: ${text.text}`).join('\n') ||
        'Keine Freitexte.',
    );
  }
  if (action === 'review') {
    const reviewed = await hr.surveyStore.markTextsReviewed(surveyId, rest.map(Number).filter(Number.isInteger));
    return finish(io, { kind: 'ok' }, () => `${reviewed} Freitexte freigegeben`);
  }
  const results = await hr.surveys.results(surveyId);
  if (results.kind === 'refused') return finish(io, results, () => '');
  if (action === 'publish') {
    const message = resultsMessage(results.results, hr.messages);
    const created = await hr.broadcasts.create(actor, {
      title: message.title,
      text: message.text,
      audience: { kind: 'all' },
      acknowledge: false,
    });
    return finish(io, created, () =>
      created.kind === 'ok'
        ? `${created.broadcast.id}  Ergebnis-Nachricht als Entwurf an alle (${created.recipients}); Freigabe: lotse hr broadcast release ${created.broadcast.id} --as <person>`
        : '',
    );
  }
  if (values.svg) {
    const dir = resolve(io.cwd, values.svg);
    mkdirSync(dir, { recursive: true });
    for (const chart of resultCharts(results.results))
      if (chart.svg) writeFileSync(join(dir, `${surveyId}-${chart.questionId}.svg`), chart.svg);
  }
  return finish(io, { kind: 'ok' }, () =>
    values.csv ? resultsToCsv(results.results).trimEnd() : JSON.stringify(results.results, null, 2),
  );
}

/** Runs an `hr` subcommand. */
export async function runHr(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, flags);
  const [area, action, id, ...rest] = positionals;
  const broadcastActions = ['create', 'preview', 'release', 'send', 'report', 'list'];
  const surveyActions = ['create', 'revise', 'approve', 'open', 'close', 'results', 'texts', 'review', 'publish'];
  if (area === 'broadcast' ? !broadcastActions.includes(action ?? '') : area === 'survey' ? !surveyActions.includes(action ?? '') : true) {
    throw new UsageError(`hr needs "broadcast ${broadcastActions.join('|')}" or "survey ${surveyActions.join('|')}".`);
  }
  const { lotse } = await openLotse(io, values.data, { quiet: true });
  try {
    return area === 'broadcast' ? await broadcast(lotse, action!, id, values, io) : await survey(lotse, action!, id, rest, values, io);
  } finally {
    await lotse.close();
  }
}
