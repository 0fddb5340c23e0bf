// Long text as people write it, in a safe subset of Markdown: paragraphs, line breaks, bulleted and numbered lists
// ("- ", "* " and "• " lines are bullets), emphasis, strong and http(s)/mailto links. markdown-it only parses; the
// tokens become Preact elements here from an allow-list, so every text is escaped by Preact and no HTML is injected.
// Headings, images, tables, code, quotes and raw HTML are not rules of this parser: they stay the text they were.
import { h, type ComponentChildren, type VNode } from "preact";
import MarkdownIt, { type Token } from "markdown-it";

const md = new MarkdownIt("zero", { html: false, breaks: true, linkify: false, typographer: false });
md.enable(["list", "emphasis", "link", "autolink", "newline", "escape", "entity"]);

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** "• punkt" (as pasted from Word) and "* punkt" are bullets like "- punkt", and mixed they still make one list. */
function normaliseBullets(text: string): string {
  return text.replace(/^([ \t]*)[•*][ \t]+/gm, "$1- ");
}

interface Frame {
  /** The element this frame becomes, or null for a wrapper that only passes its children on (a tight list's paragraph). */
  tag: string | null;
  props: Record<string, string>;
  children: ComponentChildren[];
}

/** The element an opening token may become; anything not named here passes its content on as text. */
function elementFor(token: Token): Pick<Frame, "tag" | "props"> {
  switch (token.type) {
    case "paragraph_open":
      return { tag: token.hidden ? null : "p", props: {} };
    case "bullet_list_open":
      return { tag: "ul", props: {} };
    case "ordered_list_open": {
      const start = token.attrGet("start");
      return { tag: "ol", props: start && start !== "1" ? { start } : {} };
    }
    case "list_item_open":
      return { tag: "li", props: {} };
    case "em_open":
      return { tag: "em", props: {} };
    case "strong_open":
      return { tag: "strong", props: {} };
    case "link_open": {
      const href = token.attrGet("href") ?? "";
      return SAFE_LINK.test(href) ? { tag: "a", props: { href, rel: "nofollow noopener" } } : { tag: null, props: {} };
    }
    default:
      return { tag: null, props: {} };
  }
}

function toElements(tokens: readonly Token[]): ComponentChildren[] {
  const root: Frame = { tag: null, props: {}, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.nesting === 1) {
        stack.push({ ...elementFor(token), children: [] });
      } else if (token.nesting === -1) {
        if (stack.length === 1) continue;
        const frame = stack.pop()!;
        if (frame.tag) top().children.push(h(frame.tag, frame.props, ...frame.children));
        else top().children.push(...frame.children);
      } else if (token.type === "inline") {
        walk(token.children ?? []);
      } else if (token.type === "softbreak" || token.type === "hardbreak") {
        top().children.push(h("br", null));
      } else if (token.content) {
        top().children.push(token.content);
      }
    }
  };
  walk(tokens);
  // Unclosed frames (never from markdown-it, but cheap to be sure of) hand their children on.
  while (stack.length > 1) root.children.push(...stack.pop()!.children);
  return root.children;
}

/** The text as elements (paragraphs, lists …); exported for tests and for places that wrap it themselves. */
export function markdownElements(text: string): ComponentChildren[] {
  return toElements(md.parse(normaliseBullets(text), {}));
}

/** `lang` marks text written in another language than the page (see contentLang). */
export function Paragraphs(props: { text: string | null | undefined; class?: string; lang?: string | undefined }): VNode | null {
  const text = (props.text ?? "").trim();
  if (!text) return null;
  return (
    <div class={props.class ?? "prose"} lang={props.lang}>
      {markdownElements(text)}
    </div>
  );
}
