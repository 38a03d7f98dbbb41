/**
 * The dependency-direction check (`npm run lint`): `bot/core` may import only `bot/ports`, `bot/shared`,
 * other core files and pure libraries; nothing may import from `test/`; no import cycles anywhere.
 * Prints every violation with file and line; exits 1 when there is one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const sourceRoots = ['bot', 'knowledge', 'prompts', 'policies', 'scripts', 'manifest'];
/**
 * Libraries the core may import: pure functions, no I/O, no global state. `ibantools` (exact pin) is the maintained
 * IBAN validator of the PII masking (issue #17: maintained validators beat hand-written checksums).
 */
const pureLibraries = new Set(['zod', 'ibantools']);
const importPattern = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function listTypeScript(dir: string): string[] {
  const absolute = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return []; // the folder does not exist (yet): nothing to check there
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'public') return [];
    if (statSync(join(root, path)).isDirectory()) return listTypeScript(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): { specifier: string; line: number }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: { specifier: string; line: number }[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier) continue;
    found.push({ specifier, line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

function checkFile(file: string, graph: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const local: string[] = [];
  for (const { specifier, line } of importsOf(file)) {
    const where = `${file}:${line}`;
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), specifier));
      local.push(target);
      if (target.startsWith('test/')) problems.push(`${where} imports from test/: ${specifier}`);
      if (file.startsWith('bot/core/') && !/^bot\/(core|ports|shared)\//.test(target)) {
        problems.push(`${where} core imports outside ports/shared: ${specifier}`);
      }
    } else if (file.startsWith('bot/core/')) {
      const packageName = specifier.startsWith('node:') ? specifier : specifier.split('/')[0]!;
      if (!pureLibraries.has(packageName)) problems.push(`${where} core imports a vendor/runtime module: ${specifier}`);
    }
  }
  graph.set(file, local);
  return problems;
}

function findCycles(graph: Map<string, string[]>): string[] {
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

const graph = new Map<string, string[]>();
const files = sourceRoots.flatMap(listTypeScript);
const problems = [...files.flatMap((file) => checkFile(file, graph)), ...findCycles(graph)];
for (const problem of problems) console.error(problem);
console.log(`architecture check: ${files.length} files, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
