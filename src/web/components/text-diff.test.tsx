import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { TextDiff } from "./text-diff.tsx";
import { translator } from "../i18n/index.ts";

const ctx = { locale: "sv" as const, t: translator("sv"), path: "/", viewer: null };

describe("TextDiff", () => {
  it("marks only the words that changed in a longer text", () => {
    const html = renderToString(<TextDiff ctx={ctx} before="Kurser ges på vardagar i Malmö." after="Kurser ges på lördagar i Malmö." />);
    expect(html).toContain('<del aria-label="Borttaget">vardagar</del>');
    expect(html).toContain('<ins aria-label="Tillagt">lördagar</ins>');
    expect(html).toContain("<span>Kurser ges på </span>");
  });

  it("shows unrelated values as before → after, and an empty value as a dash", () => {
    const html = renderToString(<TextDiff ctx={ctx} before="" after="Planering" />);
    expect(html).toContain('<del aria-label="Före">—</del>');
    expect(html).toContain('<ins aria-label="Efter">Planering</ins>');
  });
});
