// Renders a Preact tree to a complete HTML document string (escaping is on by default in preact-render-to-string).
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Any rendered page component (props differ per page). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PageNode = VNode<any>;

export function renderDocument(page: PageNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
