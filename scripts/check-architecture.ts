/**
 * The dependency-direction check (`npm run lint`): `bot/core` may import only `bot/ports`, `bot/shared`, other core
 * files and pure libraries; `bot/http` imports neither a channel adapter (`bot/adapters/channels`) nor `bot/app`;
 * `bot/adapters` imports none of `bot/app`, `bot/http`, `bot/cli`; a channel folder imports no other channel folder,
 * and only the registration list `bot/app/channels.ts` imports one from outside; nothing may import from `test/`; no
 * import cycles anywhere. The rules are in `architecture-rules.ts` (unit-tested); this script only reads the source
 * folders. Prints every violation with file and line; exits 1 when there is one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSources } from './architecture-rules.ts';

const root = resolve(import.meta.dirname, '..');
const sourceRoots = ['bot', 'knowledge', 'prompts', 'policies', 'scripts', 'manifest'];

/** The `.ts` files under `dir` as `/`-separated paths relative to the repository root. */
function listTypeScript(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return []; // the folder does not exist (yet): nothing to check there
  }
  return entries.flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'public') return [];
    if (statSync(join(root, path)).isDirectory()) return listTypeScript(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceRoots.flatMap(listTypeScript);
const problems = checkSources(new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')])));
for (const problem of problems) console.error(problem);
console.log(`architecture check: ${files.length} files, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
