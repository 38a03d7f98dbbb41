/**
 * A deterministic synthetic knowledge folder for scale benchmarks: FAQ Markdown files (one chunk per
 * question) whose answers recombine sentences of the sample knowledge base, so vocabulary and length
 * resemble the real corpus.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syntheticChunks } from './synthetic-corpus.ts';

const sampleRoot = resolve(import.meta.dirname, '../../knowledge/sources');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownUnder(join(dir, entry.name))
      : entry.name.endsWith('.md') && entry.name !== 'README.md'
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Text of the sample knowledge base's Markdown files without front-matter and headings. */
function sampleTexts(): { text: string }[] {
  return markdownUnder(sampleRoot).map((file) => ({
    text: readFileSync(file, 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .join(' '),
  }));
}

/**
 * Writes `chunks` FAQ entries into `folder/synthetic/` (`perFile` questions per file, default 50) and returns
 * the number of files. Same content for the same arguments.
 */
export function writeFaqCorpus(folder: string, chunks: number, perFile = 50, seed = 11): number {
  const answers = syntheticChunks(chunks, sampleTexts(), seed);
  const dir = join(folder, 'synthetic');
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let offset = 0; offset < answers.length; offset += perFile, files += 1) {
    const entries = answers.slice(offset, offset + perFile).map((answer, index) => {
      const topic = answer.text
        .split(/\s+/)
        .filter((word) => word.length > 6)
        .slice(0, 3)
        .join(' ');
      return `## Frage ${offset + index + 1} zu ${topic}?\n\n${answer.text}\n`;
    });
    const header = `---\ntitle: Synthetische Fragen ${files + 1}\ntype: faq\nstand: 2026-11-01\n---\n\n# Synthetische Fragen ${files + 1}\n\n`;
    writeFileSync(join(dir, `fragen-${String(files + 1).padStart(4, '0')}.md`), header + entries.join('\n'));
  }
  return files;
}
