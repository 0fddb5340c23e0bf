// Which files may be attached to an activity report, decided by their content: the bytes are sniffed with file-type
// (magic numbers; DOCX and XLSX by what their zip holds), never trusted from the browser's declared type. The name's
// extension must agree with what the content is, so an executable renamed ".pdf" — or a PNG called "rapport.pdf" — is
// refused with a message that says what the file really is.
import { fileTypeFromBuffer } from "file-type";

export interface AllowedType {
  /** What the person sees: "PDF", "DOCX" … */
  label: string;
  /** The media type stored and sent on download. */
  mediaType: string;
  /** Extensions a file of this type may have (lower case, no dot). */
  extensions: readonly string[];
}

/** The allowed types, keyed by file-type's `ext`. */
export const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  pdf: { label: "PDF", mediaType: "application/pdf", extensions: ["pdf"] },
  docx: { label: "DOCX", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { label: "XLSX", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  png: { label: "PNG", mediaType: "image/png", extensions: ["png"] },
  jpg: { label: "JPEG", mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
};

/** For the file picker's `accept`: extensions and media types. */
export const ACCEPT_ATTRIBUTE = Object.values(ALLOWED_TYPES)
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.mediaType])
  .join(",");

/** file-type's names for programs and installers: refused with the clearest message. */
const EXECUTABLES: ReadonlySet<string> = new Set([
  "exe", "elf", "macho", "msi", "dmg", "apk", "deb", "rpm", "class", "jar", "wasm", "dex", "swf", "xpi", "crx", "cab", "lnk", "pyc", "sh",
]);

export type SniffResult =
  | { ok: true; type: AllowedType }
  | { ok: false; key: "attachment.unknownType" }
  | { ok: false; key: "attachment.executable" | "attachment.typeNotAllowed"; params: { type: string } }
  | { ok: false; key: "attachment.extensionMissing"; params: { type: string } }
  | { ok: false; key: "attachment.extensionMismatch"; params: { extension: string; type: string } };

/** The extension of a file name, lower case, without the dot ("" when there is none). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 || dot === filename.length - 1 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** Decides from the bytes whether the file may be attached under this name. */
export async function sniffAttachment(filename: string, content: Uint8Array): Promise<SniffResult> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected) return { ok: false, key: "attachment.unknownType" };
  const allowed = ALLOWED_TYPES[detected.ext];
  if (!allowed) {
    const type = detected.ext.toUpperCase();
    return EXECUTABLES.has(detected.ext) ? { ok: false, key: "attachment.executable", params: { type } } : { ok: false, key: "attachment.typeNotAllowed", params: { type } };
  }
  const extension = extensionOf(filename);
  if (!extension) return { ok: false, key: "attachment.extensionMissing", params: { type: allowed.label } };
  if (!allowed.extensions.includes(extension)) return { ok: false, key: "attachment.extensionMismatch", params: { extension, type: allowed.label } };
  return { ok: true, type: allowed };
}

/** The label of a stored media type ("PDF"), or the media type itself when it is not one of ours. */
export function typeLabel(mediaType: string): string {
  return Object.values(ALLOWED_TYPES).find((t) => t.mediaType === mediaType)?.label ?? mediaType;
}

/**
 * The name a browser sent, cleaned: only the last path segment (old browsers send "C:\fakepath\…"), no control
 * characters, surrounding spaces trimmed.
 */
export function cleanFilename(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f]/g, "").trim();
}

/**
 * A Content-Disposition header that makes the browser save the file under its name: an ASCII fallback for old
 * clients and the exact name in UTF-8 (RFC 6266 / RFC 5987).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_").trim() || "bilaga";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
