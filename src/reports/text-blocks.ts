// Long text written in the app (Markdown-ish) as plain blocks for Word and PDF.

/**
 * Long text as plain blocks for Word and PDF: paragraphs split at blank lines, list lines ("- ", "* ", "• ") as
 * bullets "• …", Markdown emphasis marks and link syntax dropped (the words stay).
 */
export function textBlocks(text: string): string[] {
  const plain = text
    .replace(/\r\n?/g, "\n")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/^([ \t]*)[-*•][ \t]+/gm, "$1• ");
  return plain.split(/\n[ \t]*\n+/).map((block) => block.trim()).filter(Boolean);
}
