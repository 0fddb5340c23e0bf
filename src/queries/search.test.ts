import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { h } from "preact";
import { MARK_END, MARK_START, markedParts } from "./search.ts";
import { Marked } from "../web/pages/public/search-page.tsx";

describe("markedParts", () => {
  it("splits a headline into plain and found parts", () => {
    expect(markedParts(`Stöd till ${MARK_START}våldsutövande${MARK_END} män och ${MARK_START}våldsutövare${MARK_END}`)).toEqual([
      { text: "Stöd till ", found: false },
      { text: "våldsutövande", found: true },
      { text: " män och ", found: false },
      { text: "våldsutövare", found: true },
    ]);
    expect(markedParts("utan träff")).toEqual([{ text: "utan träff", found: false }]);
    expect(markedParts("")).toEqual([]);
  });

  it("renders found words as <mark> and escapes everything else", () => {
    const html = renderToString(h(Marked, { text: `<script>x</script> ${MARK_START}<b>våld</b>${MARK_END}` }));
    expect(html).toBe("&lt;script>x&lt;/script> <mark>&lt;b>våld&lt;/b></mark>");
  });
});
