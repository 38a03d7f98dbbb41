/**
 * Loads and validates the policy files. An invalid file stops start-up with an English error naming the
 * file, the line and the field — lotse never runs without its guardrails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { parseYamlFile } from '../bot/adapters/yaml/parse-yaml.ts';
import type { z } from 'zod';
import { lineOfPath } from '../bot/adapters/yaml/line-of-path.ts';
import { compileLexicon } from '../bot/core/guardrails/feature-rules.ts';
import type { Policies, PolicyRule, RuleVersionInfo } from '../bot/core/guardrails/policies.ts';
import { decisionTableFileSchema, guardrailsFileSchema, lexiconFileSchema, piiFileSchema, retentionFileSchema } from './policy-schema.ts';
import { buildIntentPolicy } from './load-decision-table.ts';
import { loadIntentModel } from './load-intent-model.ts';
import { PolicyError } from './read-policy-file.ts';

/** Default folder of the policy files. */
export const defaultPoliciesDir = import.meta.dirname;

export { PolicyError };

type GuardrailsFile = z.infer<typeof guardrailsFileSchema>;

interface LoadedFile<T> {
  readonly data: T;
  /** `file:line field` for an error message about the value at `path`. */
  readonly at: (path: readonly (string | number)[]) => string;
}

function locator(file: string, document: Document, counter: LineCounter): LoadedFile<unknown>['at'] {
  return (path) => {
    const line = lineOfPath(document.contents, path, counter);
    return `${file}${line ? `:${line}` : ''} ${path.join('.')}`;
  };
}

function readFile<S extends z.ZodType>(dir: string, name: string, schema: S): LoadedFile<z.infer<S>> {
  const file = join(dir, name);
  const { document, counter, data } = parseYamlFile(readFileSync(file, 'utf8'), file, (message) => new PolicyError(message));
  const at = locator(file, document, counter);
  const parsed = schema.safeParse(data);
  if (parsed.success) return { data: parsed.data, at };
  const lines = parsed.error.issues.map(
    (issue) => `${at(issue.path.filter((key): key is string | number => typeof key !== 'symbol'))}: ${issue.message}`,
  );
  throw new PolicyError(`Invalid policy file:\n${lines.join('\n')}`);
}

/** Semantic checks of the rules file: clauses, unique ids and dates, overrides and lexicon classes exist. */
function checkGuardrails(guardrails: LoadedFile<GuardrailsFile>, classes: ReadonlySet<string>): void {
  const { data, at } = guardrails;
  const clauses = new Set(data.clauses.map((clause) => clause.id));
  const ids = new Set<string>();
  for (const [index, rule] of data.rules.entries()) {
    if (!clauses.has(rule.clause))
      throw new PolicyError(`${at(['rules', index, 'clause'])}: unknown clause "${rule.clause}" (declare it under clauses)`);
    if (ids.has(rule.id)) throw new PolicyError(`${at(['rules', index, 'id'])}: duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
    const dates = new Set<string>();
    for (const [position, version] of rule.versions.entries()) {
      if (dates.has(version.valid_from))
        throw new PolicyError(
          `${at(['rules', index, 'versions', position, 'valid_from'])}: two versions of "${rule.id}" start on ${version.valid_from}`,
        );
      dates.add(version.valid_from);
      for (const [feature, entry] of (version.detect?.features ?? []).entries()) {
        const unknown = [...entry.all, ...(entry.unless ?? [])].find((name) => !classes.has(name));
        if (unknown)
          throw new PolicyError(
            `${at(['rules', index, 'versions', position, 'detect', 'features', feature])}: unknown word class "${unknown}" (define it in lexicon.yaml)`,
          );
      }
    }
  }
  for (const [index, override] of data.overrides.entries()) {
    if (!ids.has(override.rule)) throw new PolicyError(`${at(['overrides', index, 'rule'])}: unknown rule "${override.rule}"`);
    if (override.valid_to && override.valid_to < override.valid_from)
      throw new PolicyError(`${at(['overrides', index, 'valid_to'])}: ends before it starts`);
  }
}

function checkLexicon(lexicon: LoadedFile<z.infer<typeof lexiconFileSchema>>): void {
  for (const [name, terms] of Object.entries(lexicon.data.classes)) {
    for (const [index, term] of terms.entries()) {
      if (term.startsWith('@') && !(term.slice(1) in lexicon.data.classes))
        throw new PolicyError(`${lexicon.at(['classes', name, index])}: unknown word class "${term}"`);
    }
  }
}

/** The newest version of a rule valid on `today`. */
function versionOn(rule: GuardrailsFile['rules'][number], today: string): GuardrailsFile['rules'][number]['versions'][number] | undefined {
  return rule.versions.filter((entry) => entry.valid_from <= today).sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
}

/** The rule versions valid on `today`, with the tenant's dated overrides (within valid_from…valid_to) applied. */
function effectiveRules(file: GuardrailsFile, today: string, tenant: string | undefined): PolicyRule[] {
  return file.rules.flatMap((rule) => {
    const version = versionOn(rule, today);
    if (!version) return [];
    const override = file.overrides
      .filter(
        (entry) =>
          entry.rule === rule.id && entry.tenant === tenant && entry.valid_from <= today && (!entry.valid_to || today <= entry.valid_to),
      )
      .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
    const detection = version.detect
      ? { threshold: version.detect.threshold, features: version.detect.features.map(({ all, ...rest }) => ({ classes: all, ...rest })) }
      : undefined;
    return [
      {
        id: rule.id,
        clause: rule.clause,
        action: override?.action ?? rule.action,
        patterns: version.patterns.map((pattern) => new RegExp(pattern, 'iu')),
        reply: version.reply,
        validFrom: version.valid_from,
        ...(detection ? { detection } : {}),
        ...(override ? { override: { tenant: override.tenant, validFrom: override.valid_from, reason: override.reason } } : {}),
      },
    ];
  });
}

/** Every version of every rule, oldest first, marking the one in force on `today` (the kept history). */
function ruleHistory(file: GuardrailsFile, today: string): RuleVersionInfo[] {
  return file.rules.flatMap((rule) => {
    const current = versionOn(rule, today)?.valid_from;
    return [...rule.versions]
      .sort((a, b) => a.valid_from.localeCompare(b.valid_from))
      .map((version) => ({
        rule: rule.id,
        clause: rule.clause,
        validFrom: version.valid_from,
        inForce: version.valid_from === current,
        scored: version.detect !== undefined,
      }));
  });
}

/** Reads all policy files; throws a `PolicyError` naming file, line and field on any problem. */
export function loadPolicies(dir: string = defaultPoliciesDir, options: { today?: string; tenant?: string } = {}): Policies {
  const guardrails = readFile(dir, 'guardrails.yaml', guardrailsFileSchema);
  const lexicon = readFile(dir, 'lexicon.yaml', lexiconFileSchema);
  checkLexicon(lexicon);
  checkGuardrails(guardrails, new Set(Object.keys(lexicon.data.classes)));
  const pii = readFile(dir, 'pii.yaml', piiFileSchema);
  if (!guardrails.data.clauses.some((clause) => clause.id === pii.data.clause))
    throw new PolicyError(`${pii.at(['clause'])}: unknown clause "${pii.data.clause}"`);
  const retention = readFile(dir, 'retention.yaml', retentionFileSchema);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const file = guardrails.data;
  const intents = loadIntents(dir, file, today, new Set(Object.keys(lexicon.data.classes)));
  return {
    version: `${file.version}+${pii.data.version}+${lexicon.data.version}`,
    clauses: file.clauses,
    rules: effectiveRules(file, today, options.tenant),
    tenantRules: new Map(
      [...new Set(file.overrides.map((entry) => entry.tenant))].map((tenant) => [tenant, effectiveRules(file, today, tenant)]),
    ),
    pii: { clause: pii.data.clause, entities: piiEntities(dir, pii.data), surnamesNeedContext: pii.data.surnames_need_context },
    retentionDays: retention.data.audit,
    lexicon: compileLexicon(lexicon.data.classes),
    history: ruleHistory(file, today),
    rulesOn: rulesByDay(file),
    ...(intents ? { intents } : {}),
  };
}

/** The personal-data entities, `{first_names}` expanded from the names file and context words compiled. */
function piiEntities(dir: string, file: z.infer<typeof piiFileSchema>): Policies['pii']['entities'] {
  const names = file.first_names_file
    ? readFileSync(join(dir, file.first_names_file), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : [];
  const alternation = (list: readonly string[]): string =>
    `(?:${list.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})`;
  const expand = (pattern: string): string =>
    pattern
      .replaceAll('{first_names_lower}', alternation(names.map((name) => name.toLowerCase())))
      .replaceAll('{first_names}', alternation(names));
  return file.entities.map(({ context, ...entity }) => ({
    ...entity,
    pattern: new RegExp(expand(entity.pattern), 'gu'),
    ...(context ? { context: new RegExp(context, 'iu') } : {}),
  }));
}

/** The decision table with the trained intent model, when the folder has both (issue #17). */
function loadIntents(dir: string, file: GuardrailsFile, today: string, classes: ReadonlySet<string>): Policies['intents'] {
  if (!existsSync(join(dir, 'decision-table.yaml'))) return undefined;
  const model = loadIntentModel(join(dir, 'intent', 'intent-model.json'));
  if (!model)
    throw new PolicyError(`${join(dir, 'decision-table.yaml')}: needs the trained model intent/intent-model.json (npm run train:intent)`);
  const table = readFile(dir, 'decision-table.yaml', decisionTableFileSchema);
  return buildIntentPolicy(table, model, {
    clauses: new Set(file.clauses.map((clause) => clause.id)),
    rules: new Set(file.rules.map((rule) => rule.id)),
    today,
    classes,
  });
}

/** Rules in force on any day (memoised per day and tenant), so a running lotse follows dated versions. */
function rulesByDay(file: GuardrailsFile): (day: string, tenant?: string) => readonly PolicyRule[] {
  const known = new Map<string, PolicyRule[]>();
  return (day, tenant) => {
    const key = `${day}|${tenant ?? ''}`;
    const cached = known.get(key);
    if (cached) return cached;
    const rules = effectiveRules(file, day, tenant);
    if (known.size > 64) known.clear();
    known.set(key, rules);
    return rules;
  };
}
