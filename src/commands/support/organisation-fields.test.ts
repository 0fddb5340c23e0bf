import { describe, expect, it } from "vitest";
import { freeSlug } from "./organisation-fields.ts";

describe("an organisation's slug", () => {
  it("is made from its name and never one of the words the site's own addresses use beside it", () => {
    expect(freeSlug("Kulturförvaltningen", new Set())).toBe("kulturforvaltningen");
    expect(freeSlug("Rapport", new Set())).toBe("rapport-2");
    expect(freeSlug("Översikt", new Set())).toBe("oversikt-2");
    expect(freeSlug("Ny", new Set(["ny-2"]))).toBe("ny-3");
  });
});
