import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { Paragraphs } from "./text.tsx";

const render = (text: string) => renderToString(<Paragraphs text={text} />);

describe("Paragraphs (safe Markdown)", () => {
  it("escapes HTML: a <script> is text, never an element", () => {
    const html = render('Hej <script>alert("x")</script> och <img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script>");
    expect(html).toContain("&lt;img");
  });

  it("keeps paragraphs and line breaks", () => {
    const html = render("Första stycket.\nNy rad.\n\nAndra stycket.");
    expect(html).toBe('<div class="prose"><p>Första stycket.<br/>Ny rad.</p><p>Andra stycket.</p></div>');
  });

  it("keeps bulleted and numbered lists after a paragraph", () => {
    const html = render("Insatser:\n- föräldrakurser\n* samtalsgrupper\n\n1. kartlägga\n2. pröva");
    expect(html).toContain("<p>Insatser:</p><ul><li>föräldrakurser</li><li>samtalsgrupper</li></ul>");
    expect(html).toContain("<ol><li>kartlägga</li><li>pröva</li></ol>");
  });

  it("turns • lines (pasted from Word) into a list", () => {
    expect(render("• en\n• två\n•\ttre")).toBe('<div class="prose"><ul><li>en</li><li>två</li><li>tre</li></ul></div>');
    expect(render("• en\n  • under")).toBe('<div class="prose"><ul><li>en<ul><li>under</li></ul></li></ul></div>');
  });

  it("links only http(s) and mailto, with rel nofollow noopener", () => {
    const html = render("[Läs mer](https://malmo.se/vald) [mejla](mailto:a@b.se) [klicka](javascript:alert(1)) [data](data:text/html,x) [rel](/malmo)");
    expect(html).toContain('<a href="https://malmo.se/vald" rel="nofollow noopener">Läs mer</a>');
    expect(html).toContain('<a href="mailto:a@b.se" rel="nofollow noopener">mejla</a>');
    expect(html).not.toContain("javascript:alert(1)\"");
    expect(html).not.toMatch(/href="(javascript|data|\/malmo)/);
    expect(html).toContain("[klicka](javascript:alert(1))");
    expect(render("<javascript:alert(1)>")).not.toContain("<a");
  });

  it("renders emphasis and strong, but no headings, images, tables, quotes or code", () => {
    const html = render("*viktigt* och **mycket viktigt**\n\n# Rubrik\n\n![bild](https://x.se/a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> citat\n\n    kod\n\n```\nkod\n```");
    expect(html).toContain("<em>viktigt</em> och <strong>mycket viktigt</strong>");
    for (const tag of ["<h1", "<img", "<table", "<blockquote", "<pre", "<code"]) expect(html).not.toContain(tag);
    expect(html).toContain("<p># Rubrik</p>");
  });

  it("renders nothing for an empty text and keeps the lang attribute", () => {
    expect(render("   ")).toBe("");
    expect(renderToString(<Paragraphs text="Hej" lang="sv" />)).toBe('<div class="prose" lang="sv"><p>Hej</p></div>');
  });
});
