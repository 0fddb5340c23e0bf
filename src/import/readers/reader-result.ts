// What a reader yields: the document's blocks in the neutral shape the recogniser reads, or the problem that kept it
// from reading them. Warnings and problems are message keys, put into words in the user's language by the caller.
import type { Block } from "../recognise/blocks.ts";
import type { Where } from "../recognise/draft.ts";

export type ImportFormat = "docx" | "pdf" | "text" | "markdown" | "xlsx" | "csv";

export interface ReaderWarning {
  key: string;
  params?: Record<string, string | number>;
  where?: Where;
}

export type ReadResult =
  | { ok: true; format: ImportFormat; blocks: Block[]; warnings: ReaderWarning[] }
  | { ok: false; problem: { key: string; params?: Record<string, string | number> } };
