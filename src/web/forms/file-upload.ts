// The one file of a multipart form, read into memory as it arrives (busboy stops at the size limit and marks it
// truncated), kept per request for the route to take. Used by the routes that accept an upload, each in its own plugin
// scope with @fastify/multipart, so every other form stays urlencoded-only.
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";

/** The file part of an upload as it was read: its name, its bytes up to the limit, and whether it went past it. */
export interface Upload {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

/** An `onFile` handler for the field `fieldName`, and the way to take what it read for a request. */
export function fileUpload(fieldName: string) {
  const uploads = new WeakMap<FastifyRequest, Upload>();
  async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) if (part.fieldname === fieldName) chunks.push(chunk as Buffer);
    if (part.fieldname !== fieldName) return;
    uploads.set(this, { filename: part.filename, content: Buffer.concat(chunks), truncated: part.file.truncated });
  }
  return { onFile, uploadOf: (request: FastifyRequest) => uploads.get(request) };
}
