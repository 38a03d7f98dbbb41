/** Generative answers grounded in sources: prompt rendering, citation verification, follow-up rewriting. */
export * from './generate-grounded-answer.ts';
export * from './verify-citations.ts';
export * from './rewrite-follow-up.ts';
export { renderSources, renderSource, evidenceText } from './render-sources.ts';
export { isInstructionLike } from './instruction-patterns.ts';
