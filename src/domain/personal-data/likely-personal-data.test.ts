import { describe, expect, it } from "vitest";
import { findLikelyPersonalData, isPrivateEmailDomain } from "./likely-personal-data.ts";

function kinds(text: string) {
  return findLikelyPersonalData(text).map((match) => match.kind);
}

describe("mobile phone numbers", () => {
  it.each([
    ["0701234567", "070-*** ** 67"],
    ["070-123 45 67", "070-*** ** 67"],
    ["070 123 45 67", "070-*** ** 67"],
    ["070-1234567", "070-*** ** 67"],
    ["(070) 123 45 67", "070-*** ** 67"],
    ["+46 70 123 45 67", "070-*** ** 67"],
    ["+46701234567", "070-*** ** 67"],
    ["+46-70-123 45 67", "070-*** ** 67"],
    ["+46 (0)70-123 45 67", "070-*** ** 67"],
    ["0046 70 123 45 67", "070-*** ** 67"],
    ["072-987 65 43", "072-*** ** 43"],
    ["073.987.65.43", "073-*** ** 43"],
    ["076 - 987 65 43", "076-*** ** 43"],
    ["079-987 65 43", "079-*** ** 43"],
  ])("warns about %s, masked as %s", (number, shown) => {
    const text = `Ring mig på ${number}, tack.`;
    expect(findLikelyPersonalData(text)).toEqual([{ offset: 12, length: number.length, kind: "mobilePhone", shown }]);
  });

  it("finds several numbers in a list, across line breaks", () => {
    expect(kinds("0701234567 / 0739876543\n+46 76 111 22 33")).toEqual(["mobilePhone", "mobilePhone", "mobilePhone"]);
  });

  it.each([
    "Växeln 040-34 10 00",
    "Telefon 08-123 456 78",
    "+46 40 34 10 00 och +46 8 123 456 78",
    "Kundtjänst 0771-123 456, 020-123 45 67, 0200-12 34 56",
    "Larm via 071-123 45 67", // machine-to-machine series
    "Budget 1 250 000 kr, 0 720 000 kr",
    "Planen gäller 2022–2026, ca 20 ärenden",
    "Konto 90701234567", // inside a longer digit run
    "Referens 070-123 45 67-89",
    "Kod A0701234567",
  ])("does not warn about %s", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("private e-mail addresses", () => {
  it.each([
    "anna.andersson@gmail.com",
    "Anna@Hotmail.SE",
    "anna@hotmail.com",
    "anna@hotmail.co.uk",
    "anna@outlook.com",
    "anna@live.se",
    "anna@yahoo.se",
    "anna@yahoo.com",
    "anna@icloud.com",
    "anna@telia.com",
    "anna@spray.se",
    "anna@bredband.net",
  ])("warns about %s, masked", (address) => {
    const text = `Skriv till ${address}.`;
    const matches = findLikelyPersonalData(text);
    expect(matches).toEqual([{ offset: 11, length: address.length, kind: "privateEmail", shown: `${address[0]}***@${address.split("@")[1]!.toLowerCase()}` }]);
    expect(matches[0]!.shown).not.toContain(address.split("@")[0]!.slice(1));
  });

  it.each(["anna.andersson@malmo.se", "info@polisen.se", "kansli@skane.se", "someone@gmail.company.se", "x@mail.hotmail.com.example.org", "@gmail.com"])(
    "does not warn about %s",
    (text) => {
      expect(kinds(`Kontakt: ${text}`)).toEqual([]);
    },
  );

  it("knows the provider families by domain", () => {
    expect(isPrivateEmailDomain("GMAIL.COM")).toBe(true);
    expect(isPrivateEmailDomain("yahoo.de")).toBe(true);
    expect(isPrivateEmailDomain("malmo.se")).toBe(false);
    expect(isPrivateEmailDomain("hotmail")).toBe(false);
  });
});

describe("clients and relatives named by first name", () => {
  it.each([
    ["klienten Anna", "klienten Anna"],
    ["Klienten Anna berättade", "Klienten Anna"],
    ["brukaren Ahmed berättade", "brukaren Ahmed"],
    ["patienten Eva-Lena", "patienten Eva-Lena"],
    ["Eleven Sara har", "Eleven Sara"],
    ["den enskilde Omar", "den enskilde Omar"],
    ["Den enskilda Åsa", "Den enskilda Åsa"],
    ["barnet Liam", "barnet Liam"],
    ["mamman Fatima och", "mamman Fatima"],
    ["pappan Johan.", "pappan Johan"],
    ["klienten, Anna, berättade", "klienten Anna"],
    ["med klienten (Anna)", "klienten Anna"],
  ])("warns about %s", (text, shown) => {
    const matches = findLikelyPersonalData(text);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ kind: "namedPerson", shown });
  });

  it.each([
    "klienten berättade om Anna",
    "Vi mötte klienten. Anna på enheten tog över.",
    "stöd till den enskilda Malmöbon",
    "barnet Socialtjänsten",
    "för barnet, Malmö stad ansvarar",
    "med barnet, Rosengård och Fosie", // a capitalised word after a comma is a name only as a closed apposition
    "för barnet, Socialförvaltningen ska",
    "barnet Barnahus",
    "Personen Anna", // "sonen" inside a longer word
    "eleven Swedish municipalities",
    "klienten anna",
    "Den enskilde kan själv välja.",
  ])("does not warn about %s", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

it("returns all kinds in order of appearance", () => {
  const text = "Klienten Anna, anna@gmail.com, 070-123 45 67";
  expect(findLikelyPersonalData(text).map((match) => [match.kind, match.offset])).toEqual([
    ["namedPerson", 0],
    ["privateEmail", 15],
    ["mobilePhone", 31],
  ]);
});
