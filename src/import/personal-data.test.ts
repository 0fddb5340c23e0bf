import { describe, expect, it } from "vitest";
import { checkImportPersonalData } from "./personal-data.ts";

describe("the personal-data check of an import", () => {
  it("refuses a line with a personnummer, showing where and the line with the number masked", () => {
    const result = checkImportPersonalData([
      { kind: "paragraph", text: "Förvaltningen ordnar utbildningar under hösten.", where: { page: 1, line: 3 } },
      { kind: "tableRow", cells: ["Kontakt", "Ärendet gäller 19121212-1212 som flyttat"], where: { page: 2, line: 7 } },
    ]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]!.where).toEqual({ page: 2, line: 7 });
    expect(result.refused[0]!.excerpt).toContain("121212-****");
    expect(result.refused[0]!.excerpt).not.toContain("1212 som");
    expect(result.refused[0]!.messageKey).toBe("personalData.identityNumber");
  });

  it("flags a private e-mail address without refusing", () => {
    const result = checkImportPersonalData([{ kind: "paragraph", text: "Frågor till kalle.karlsson@gmail.com", where: { line: 1 } }]);
    expect(result.refused).toEqual([]);
    expect(result.flagged.map((f) => f.messageKey)).toEqual(["personalData.privateEmail"]);
  });
});
