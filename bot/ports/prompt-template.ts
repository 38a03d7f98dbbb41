/**
 * A versioned prompt template loaded from `prompts/**\/*.md` (front-matter `id`, `version`, `variables`).
 * The id and version are recorded with every generated answer.
 */

/** A validated template; `render` fills `{{variable}}` placeholders and throws when a declared one is missing. */
export interface PromptTemplate {
  readonly id: string;
  readonly version: string;
  readonly variables: readonly string[];
  render(values: Record<string, string>): string;
}
