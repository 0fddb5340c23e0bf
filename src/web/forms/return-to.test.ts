// Only paths on this site are followed after a save or a login; anything else falls back.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-to.ts";

describe("safeReturnPath", () => {
  it("keeps a local path with its query and fragment", () => {
    expect(safeReturnPath("/malmo/planer/fri-fran-vald/mal/1?organisation=asf#board", "/x")).toBe("/malmo/planer/fri-fran-vald/mal/1?organisation=asf#board");
  });

  it("refuses other hosts, schemes, backslashes, line breaks and non-strings", () => {
    for (const bad of ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/a\r\nSet-Cookie: x=1", "", 42, undefined, `/${"a".repeat(2001)}`]) {
      expect(safeReturnPath(bad, "/fallback"), String(bad).slice(0, 40)).toBe("/fallback");
    }
  });

  it("falls back to the start page when no fallback is given", () => {
    expect(safeReturnPath("//evil.example")).toBe("/");
  });
});
