/**
 * `npm run bench:rss`: resident memory of the real app (SQLite store, BM25, n-gram vectors in hnswlib)
 * after ingesting 100,000 chunks, measured alone in its own process.
 */
import { measureIngest } from './reingest.ts';
import { hasEvalData, loadParagraphs } from './xquad.ts';

if (!hasEvalData()) {
  console.log('bench:rss: ../shared/eval-data not found – skipping.');
} else {
  const result = await measureIngest(loadParagraphs(), 100_000, { keepOpen: true });
  globalThis.gc?.();
  console.log(JSON.stringify({ ...result, rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) }));
}
