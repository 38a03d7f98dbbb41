/**
 * Every relative link and image in README.md and docs/**\/*.md points to a file or folder inside the repository,
 * and a `#anchor` into a Markdown file names one of its headings (GitHub's slugs) or an explicit `id`/`name`
 * (issue #21). Links inside code spans and code blocks are not links and are not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => ('tokens' in token && token.tokens ? plainText(token.tokens) : 'text' in token ? String(token.text) : ''))
    .join('');
}

/** GitHub's heading slug (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const source = readFileSync(file, 'utf8');
  void marked.walkTokens(marked.lexer(source), (token) => {
    if (token.type !== 'heading') return;
    const slug = slugOf(plainText(token.tokens));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  });
  for (const match of source.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

function linksOf(file: string): string[] {
  const links: string[] = [];
  void marked.walkTokens(marked.lexer(readFileSync(file, 'utf8')), (token) => {
    if (token.type === 'link' || token.type === 'image') links.push(token.href);
  });
  return links;
}

/** What is wrong with `href` written in `file`, or undefined when it resolves. */
function problemOf(file: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined; // https:, mailto: …
  const [rawPath = '', rawAnchor] = href.split('#', 2);
  const target = rawPath === '' ? file : resolve(dirname(file), decodeURIComponent(rawPath));
  if (target !== root && !target.startsWith(root + sep)) return 'points outside the repository';
  if (!existsSync(target)) return 'no such file';
  if (rawAnchor === undefined || !target.endsWith('.md') || statSync(target).isDirectory()) return undefined;
  return anchorsOf(target).has(decodeURIComponent(rawAnchor)) ? undefined : `no heading #${rawAnchor} in ${relative(root, target)}`;
}

describe('documentation links', () => {
  const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];

  it('slugs headings as GitHub does', () => {
    expect(slugOf('Scale-out on PostgreSQL')).toBe('scale-out-on-postgresql');
    expect(slugOf('Decision: Microsoft 365 Agents SDK')).toBe('decision-microsoft-365-agents-sdk');
    expect(slugOf('Jabber/XMPP `lotse` – Prüfung')).toBe('jabberxmpp-lotse--prüfung');
  });

  it('reports a missing file, a missing heading and a path outside the repository', () => {
    const readme = join(root, 'README.md');
    expect(problemOf(readme, 'docs/no-such-page.md')).toBe('no such file');
    expect(problemOf(readme, 'docs/scale-out.md#no-such-heading')).toMatch(/no heading/);
    expect(problemOf(readme, 'docs/scale-out.md#scale-out-on-postgresql')).toBeUndefined();
    expect(problemOf(readme, '../shared/design/dependencies.md')).toBe('points outside the repository');
    expect(problemOf(readme, 'https://example.org/x.md#y')).toBeUndefined();
  });

  it('finds relative links in README.md and docs/', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(linksOf).filter((href) => !/^[a-z]+:/i.test(href)).length).toBeGreaterThan(10);
  });

  it('resolves every relative link to an existing file and anchor inside the repository', () => {
    const broken = files.flatMap((file) =>
      linksOf(file).flatMap((href) => {
        const problem = problemOf(file, href);
        return problem ? [`${relative(root, file)}: ${href} (${problem})`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });
});
