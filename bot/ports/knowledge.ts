/**
 * The shapes of indexed knowledge: documents with their metadata and the chunks they are split into.
 * Shared by ingestion (which produces them), the stores and indexes (which keep them) and the core
 * (which answers from them).
 */

/** Kinds of documents an administration keeps; drives FAQ-first and course answers. */
export const documentTypes = ['strategie', 'dienstanweisung', 'dienstvereinbarung', 'faq', 'schulung', 'sonstiges'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** Metadata of one ingested document. Dates are ISO `YYYY-MM-DD`. */
export interface DocumentMeta {
  /** Path relative to the ingested folder, with `/` separators: the stable document id. */
  readonly id: string;
  readonly title: string;
  readonly type: DocumentType;
  /** County (Kreis) the document belongs to; absent for generic documents. */
  readonly tenant?: string;
  readonly owner?: string;
  readonly stand?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Ids or titles of documents this one replaces. */
  readonly supersedes: readonly string[];
  readonly visibility: readonly string[];
  /** Optional link shown with citations. */
  readonly url?: string;
  /** sha256 of the file's bytes; unchanged files are skipped on re-ingest. */
  readonly checksum: string;
}

/** One course of the training catalogue, answered as data. */
export interface Course {
  readonly title: string;
  readonly description: string;
  /** ISO dates (or date-times) of the sessions, ascending. */
  readonly dates: readonly string[];
  readonly place: string;
  readonly online: boolean;
  readonly seats?: number;
  readonly registrationUrl?: string;
  readonly targetGroup?: string;
  readonly mandatory: boolean;
  readonly digCompArea?: string;
  readonly level?: string;
}

/** A curated question/answer pair from an FAQ document. */
export interface FaqEntry {
  readonly question: string;
  readonly answer: string;
}

/** A retrievable piece of a document, with its position in the normalised document text. */
export interface Chunk {
  /** `${documentId}#${ordinal}` */
  readonly id: string;
  readonly documentId: string;
  readonly ordinal: number;
  /** Heading path, e.g. "§ 4 Grundsätze > Abs. 2"; empty when the document has no headings. */
  readonly section: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'text' | 'faq' | 'course';
  readonly faq?: FaqEntry;
  readonly course?: Course;
}

/** A parsed, normalised document ready to be stored and indexed. */
export interface IngestedDocument {
  readonly meta: DocumentMeta;
  readonly text: string;
  readonly chunks: readonly Chunk[];
}
