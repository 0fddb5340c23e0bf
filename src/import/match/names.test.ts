import { describe, expect, it } from "vitest";
import { matchName } from "./names.ts";

const organisations = [
  { id: "board", name: "Barn- och utbildningsnämnden" },
  { id: "social", name: "Socialförvaltningen", aliases: ["SOF"] },
  { id: "kultur", name: "Kulturförvaltningen" },
  { id: "mkb", name: "MKB Fastighets AB" },
];

describe("matching a written name to the workspace's organisations", () => {
  it("matches the same name whatever its case, spaces and hyphenation", () => {
    expect(matchName("barn- och utbildnings-nämnden", organisations)).toMatchObject({ id: "board", how: "exact" });
    expect(matchName("MKB fastighets ab", organisations)).toMatchObject({ id: "mkb", how: "exact" });
    expect(matchName("sof", organisations)).toMatchObject({ id: "social", how: "exact" });
  });

  it("matches a board's name to the administration that serves it, and the other way round", () => {
    expect(matchName("Socialnämnden", organisations)).toMatchObject({ id: "social", how: "stem" });
    expect(matchName("Barn- och utbildningsförvaltningen", organisations)).toMatchObject({ id: "board", how: "stem" });
    expect(matchName("Kulturnämnderna", organisations)).toMatchObject({ id: "kultur", how: "stem" });
  });

  it("offers an unknown name as new instead of guessing", () => {
    expect(matchName("Fritidsnämnden", organisations)).toEqual({ written: "Fritidsnämnden", id: null, how: "none" });
    expect(matchName("", organisations)).toMatchObject({ id: null, how: "none" });
  });
});
