// An import as it is kept between upload and commit (the import_draft row's `draft`).
import type { PersonalDataLine } from "./personal-data.ts";
import type { ImportDraft } from "./recognise/draft.ts";

export interface StoredImport {
  /** The reader's format: docx | pdf | text | markdown | xlsx | csv. */
  format: string;
  draft: ImportDraft;
  /** Likely personal data found in the document, shown in the preview for the user to confirm or remove. */
  flagged: PersonalDataLine[];
}
