/**
 * The rules of the dependency-direction check (`scripts/check-architecture.ts`, `npm run lint`) as pure functions over
 * file paths (relative to the repository root, `/`-separated) and their text, so that tests can feed small fixture trees.
 * - `bot/core` imports only `bot/core`, `bot/ports`, `bot/shared` and pure libraries (`pureLibraries`); `bot/ports`
 *   imports only `bot/ports` and `bot/shared`;
 * - `bot/http` imports no channel adapter (`bot/adapters/channels`) and nothing from `bot/app` (the composition root
 *   imports `bot/http`, so the reverse would make an app ↔ http cycle);
 * - `bot/adapters` imports nothing from `bot/app`, `bot/http` or `bot/cli`;
 * - a channel folder (`bot/adapters/channels/<name>/`) imports no other channel's folder, and outside the channel
 *   folders only the registration list (`bot/app/channels.ts`) imports one, so adding a channel touches only its folder
 *   and the list (files directly in `bot/adapters/channels/`, like `polled-drain.ts`, are shared by all channels);
 * - nothing imports from `test/`; no import cycles anywhere (type-only imports count).
 */
import { posix } from 'node:path';

/**
 * Libraries the core may import: pure functions, no I/O, no global state. `ibantools` (exact pin) is the maintained
 * IBAN validator of the PII masking (issue #17: maintained validators beat hand-written checksums).
 */
export const pureLibraries: ReadonlySet<string> = new Set(['zod', 'ibantools']);

/** A forbidden direction between two folders of `bot/`: a file matching `from` must not import a file matching `to`. */
export interface DirectionRule {
  readonly from: RegExp;
  readonly to: RegExp;
  /** Says what is wrong, e.g. "http imports app". */
  readonly message: string;
}

/** The layer directions checked besides the core's (issue #20, item 4). */
export const directionRules: readonly DirectionRule[] = [
  { from: /^bot\/http\//, to: /^bot\/adapters\/channels\//, message: 'http imports a channel adapter' },
  { from: /^bot\/http\//, to: /^bot\/app\//, message: 'http imports app' },
  { from: /^bot\/adapters\//, to: /^bot\/(app|http|cli)\//, message: 'adapters import app/http/cli' },
];

/** The one file outside the channel folders that may import one: the registration list. */
export const channelRegistrationList = 'bot/app/channels.ts';

const channelFolder = /^bot\/adapters\/channels\/([^/]+)\//;

/** What is wrong with an import of a channel folder (issue #20, item 4); `bot/http` has its own, stricter rule. */
function channelFolderProblems(file: string, target: string, specifier: string): string[] {
  const to = channelFolder.exec(target)?.[1];
  if (to === undefined) return [];
  const from = channelFolder.exec(file)?.[1];
  if (from !== undefined) return from === to ? [] : [`channel ${from} imports channel ${to}: ${specifier}`];
  if (file === channelRegistrationList || !file.startsWith('bot/') || file.startsWith('bot/http/')) return [];
  return [`imports a channel folder outside the registration list (${channelRegistrationList}): ${specifier}`];
}

/** One import statement (static, side-effect or dynamic with a literal specifier) and its 1-based line. */
export interface FoundImport {
  readonly specifier: string;
  readonly line: number;
}

const importPattern =
  /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The imports and re-exports of a TypeScript text. */
export function importsIn(text: string): FoundImport[] {
  const found: FoundImport[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier) continue;
    found.push({ specifier, line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** The repository path a relative specifier of `file` points to (`undefined` for a package or `node:` import). */
export function targetOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

/** What is wrong with one import of `file` (empty when it is allowed); each message names the rule, not the place. */
export function importProblems(file: string, specifier: string): string[] {
  const target = targetOf(file, specifier);
  const problems: string[] = [];
  if (target === undefined) {
    if (file.startsWith('bot/core/')) {
      const packageName = specifier.startsWith('node:') ? specifier : specifier.split('/')[0]!;
      if (!pureLibraries.has(packageName)) problems.push(`core imports a vendor/runtime module: ${specifier}`);
    }
    return problems;
  }
  if (target.startsWith('test/')) problems.push(`imports from test/: ${specifier}`);
  if (file.startsWith('bot/core/') && !/^bot\/(core|ports|shared)\//.test(target)) {
    problems.push(`core imports outside ports/shared: ${specifier}`);
  }
  // Ports are what core and adapters both depend on: they import only other ports and shared helpers.
  if (file.startsWith('bot/ports/') && !/^bot\/(ports|shared)\//.test(target)) {
    problems.push(`ports import outside ports/shared: ${specifier}`);
  }
  for (const rule of directionRules) {
    if (rule.from.test(file) && rule.to.test(target)) problems.push(`${rule.message}: ${specifier}`);
  }
  problems.push(...channelFolderProblems(file, target, specifier));
  return problems;
}

/** Every import cycle of a graph of local imports, each as `import cycle: a -> b -> a`. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      cycles.push(`import cycle: ${[...path.slice(path.indexOf(node)), node].join(' -> ')}`);
      return;
    }
    state.set(node, 'visiting');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

/** Checks a tree of sources (path → text): every problem as `file:line message`, then every cycle. */
export function checkSources(sources: ReadonlyMap<string, string>): string[] {
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [file, text] of sources) {
    const local: string[] = [];
    for (const { specifier, line } of importsIn(text)) {
      const target = targetOf(file, specifier);
      if (target !== undefined) local.push(target);
      for (const problem of importProblems(file, specifier)) problems.push(`${file}:${line} ${problem}`);
    }
    graph.set(file, local);
  }
  return [...problems, ...findCycles(graph)];
}
