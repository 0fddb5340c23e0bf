// Long text as people write it: paragraphs separated by blank lines, and "- " lines as a bulleted list. Always escaped.
import type { VNode } from "preact";

/** `lang` marks text written in another language than the page (see contentLang). */
export function Paragraphs(props: { text: string | null | undefined; class?: string; lang?: string | undefined }) {
  const text = (props.text ?? "").trim();
  if (!text) return null;
  const blocks = text.split(/\n\s*\n/);
  const out: VNode[] = [];
  blocks.forEach((block, index) => {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    if (lines.length > 0 && lines.every((l) => /^[-•*]\s+/.test(l))) {
      out.push(
        <ul key={index}>
          {lines.map((l, i) => (
            <li key={i}>{l.replace(/^[-•*]\s+/, "")}</li>
          ))}
        </ul>,
      );
    } else {
      out.push(<p key={index}>{lines.join(" ")}</p>);
    }
  });
  return (
    <div class={props.class ?? "prose"} lang={props.lang}>
      {out}
    </div>
  );
}
