import { describe, expect, it } from "vitest";
import { containsIdentityNumber, findIdentityNumbers } from "./identity-number.ts";

const today = new Date(2026, 5, 15); // 15 June 2026, local time

/** The Luhn check digit for the first nine digits of a 10-digit number, computed here independently of the code. */
function checkDigit(nine: string): string {
  let sum = 0;
  [...nine].forEach((digit, index) => {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  });
  return String((10 - (sum % 10)) % 10);
}

/** YYMMDD + three serial digits → the valid 10-digit number. */
function valid(yymmdd: string, serial = "123"): string {
  return yymmdd + serial + checkDigit(yymmdd + serial);
}

function wrongCheck(ten: string): string {
  return ten.slice(0, 9) + String((Number(ten[9]) + 1) % 10);
}

/** Every spelling of one number, given its century for the 12-digit forms and the 10-digit separator. */
function spellings(century: string, ten: string, sign: "-" | "+" = "-"): string[] {
  const [date, serial] = [ten.slice(0, 6), ten.slice(6)];
  const tenDigit = sign === "+" ? [`${date}+${serial}`] : [`${date}-${serial}`, `${date}${serial}`];
  return [...tenDigit, `${century}${date}${serial}`, `${century}${date}-${serial}`];
}

function found(text: string, at = today) {
  return findIdentityNumbers(text, { today: at });
}

describe("findIdentityNumbers: valid numbers in every spelling", () => {
  const personal = valid("850101");

  it.each(spellings("19", personal))("finds %s as a personal identity number, masked", (text) => {
    expect(found(text)).toEqual([{ offset: 0, length: text.length, kind: "personal", masked: "850101-****" }]);
  });

  it("finds the 100+ form with '+' and the same person written with the full century", () => {
    const old = valid("251231");
    for (const text of spellings("19", old, "+")) expect(found(text), text).toHaveLength(1);
    expect(found(`${old.slice(0, 6)}+${old.slice(6)}`)[0]).toMatchObject({ kind: "personal", masked: "251231-****" });
  });

  it("accepts Unicode dashes, spaces around the separator, a single space and a line break as separator", () => {
    const [date, serial] = [personal.slice(0, 6), personal.slice(6)];
    for (const text of [`${date}–${serial}`, `${date}‑${serial}`, `${date} - ${serial}`, `${date} ${serial}`, `${date}\n${serial}`, `19${date}\r\n${serial}`]) {
      expect(found(text), JSON.stringify(text)).toEqual([{ offset: 0, length: text.length, kind: "personal", masked: "850101-****" }]);
    }
  });

  it("finds coordination numbers (day + 60), 61 to 91, in every spelling", () => {
    for (const yymmdd of ["850161", "850191", "991291", "000289"]) {
      const coordination = valid(yymmdd);
      const century = yymmdd.startsWith("0") ? "20" : "19";
      for (const text of spellings(century, coordination)) {
        expect(found(text), text).toEqual([{ offset: 0, length: text.length, kind: "coordination", masked: `${yymmdd}-****` }]);
      }
    }
  });
});

describe("findIdentityNumbers: invalid numbers", () => {
  it("rejects a wrong check digit in every spelling", () => {
    for (const ten of [valid("850101"), valid("850161"), valid("000229")]) {
      for (const text of spellings(ten.startsWith("0") ? "20" : "19", wrongCheck(ten))) expect(found(text), text).toEqual([]);
    }
  });

  it("rejects impossible months and days, for personal and coordination numbers", () => {
    for (const yymmdd of ["850001", "851301", "850100", "850132", "850431", "850230", "850160", "850192", "850491", "859901"]) {
      for (const text of spellings("19", valid(yymmdd))) expect(found(text), text).toEqual([]);
    }
  });

  it("knows leap days: 19000229 invalid, 20000229 valid, 2004 yes, 2005 no", () => {
    expect(found(`19${valid("000229")}`)).toEqual([]);
    expect(found(`20${valid("000229")}`)).toHaveLength(1);
    expect(found(`19${valid("000289")}`)).toEqual([]);
    expect(found(`20${valid("000289")}`)).toHaveLength(1);
    expect(found(valid("040229"))).toHaveLength(1);
    expect(found(valid("050229"))).toEqual([]);
  });

  it("picks the century of 10-digit numbers from today: '-' is 0–99 years old, '+' is 100 or older", () => {
    const leapDay = valid("000229");
    const [date, serial] = [leapDay.slice(0, 6), leapDay.slice(6)];
    // In 2026, 000229- is 2000-02-29 (valid) and 000229+ is 1900-02-29 (no such day).
    expect(found(`${date}-${serial}`)).toHaveLength(1);
    expect(found(`${date}+${serial}`)).toEqual([]);
    // In 1999, 000229- is 1900-02-29: invalid.
    expect(found(`${date}-${serial}`, new Date(1999, 0, 1))).toEqual([]);
    // In 2126, 000229- is 2100-02-29 (invalid) and 000229+ is 2000-02-29 (valid).
    expect(found(`${date}-${serial}`, new Date(2126, 0, 1))).toEqual([]);
    expect(found(`${date}+${serial}`, new Date(2126, 0, 1))).toHaveLength(1);
    // Born 31 Dec: in June 2026, 261231- can only be 1926 (99 years old); the date is valid either way.
    expect(found(valid("261231"))).toHaveLength(1);
  });

  it("rejects 12-digit numbers with an impossible century or a date in the future, and does not fall back to the last ten digits", () => {
    const ten = valid("850101");
    for (const century of ["17", "21", "30", "99", "00"]) expect(found(`${century}${ten}`), century).toEqual([]);
    expect(found(`18${valid("991231")}`)).toHaveLength(1); // 1899: over 100 years old, still a person's number
    expect(found(`20${valid("301231")}`)).toEqual([]);
    expect(found(`20${valid("260616")}`)).toEqual([]); // tomorrow
    expect(found(`20${valid("260615")}`)).toHaveLength(1); // born today
    expect(found(`20${valid("260616")}`, new Date(2027, 0, 1))).toHaveLength(1);
  });

  it("uses the current date when no today is given", () => {
    const nextYear = String(new Date().getFullYear() + 1);
    const newYearsDay = valid(`${nextYear.slice(2)}0101`);
    expect(findIdentityNumbers(`${nextYear.slice(0, 2)}${newYearsDay}`)).toEqual([]);
    expect(findIdentityNumbers(`${nextYear.slice(0, 2)}${newYearsDay}`, { today: new Date(Number(nextYear), 0, 1) })).toHaveLength(1);
    expect(findIdentityNumbers(`19${valid("850101")}`)).toHaveLength(1);
  });
});

describe("findIdentityNumbers in running text", () => {
  const a = valid("850101", "456");
  const b = valid("920714", "808");

  it("finds numbers surrounded by punctuation and line breaks, with offsets", () => {
    const text = `Personnr: ${a.slice(0, 6)}-${a.slice(6)}.\n(19${b})\n"${a}", <${b.slice(0, 6)}+${b.slice(6)}>; 19${a.slice(0, 6)}-${a.slice(6)}!`;
    const matches = found(text);
    expect(matches.map((match) => text.slice(match.offset, match.offset + match.length))).toEqual([
      `${a.slice(0, 6)}-${a.slice(6)}`,
      `19${b}`,
      a,
      `${b.slice(0, 6)}+${b.slice(6)}`,
      `19${a.slice(0, 6)}-${a.slice(6)}`,
    ]);
    expect(matches.map((match) => match.masked)).toEqual(["850101-****", "920714-****", "850101-****", "920714-****", "850101-****"]);
  });

  it("finds a number in a hyphenated account number and next to words, but not inside longer digit runs", () => {
    expect(found(`Personkonto 3300-${a.slice(0, 6)}-${a.slice(6)}`)).toHaveLength(1);
    expect(found(`nr${a}st`)).toHaveLength(1);
    expect(found(`${a.slice(0, 6)}-${a.slice(6)} 3 gånger`)).toHaveLength(1);
    for (const text of [
      `19${a}34`, // 14 digits
      `5${a}`, // 11 digits
      `${a}7`,
      `12${a}`, // 12 digits whose "century" is 12
      `SE45${a}1234567890`, // an IBAN without spaces
      `SE45 5000 0000 0583 9825 7466`,
      `+${a}`, // an international phone number
      `Tel +46${a}`,
      `12 ${a.slice(0, 6)} ${a.slice(6)}`, // part of a space-grouped number
      `${a.slice(0, 6)} ${a.slice(6)} 45`,
      `${a.slice(0, 6)}-${a.slice(6)}1`,
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("answers containsIdentityNumber", () => {
    expect(containsIdentityNumber(`Se ${a.slice(0, 6)}-${a.slice(6)}.`, { today })).toBe(true);
    expect(containsIdentityNumber(`Se ${wrongCheck(a)}.`, { today })).toBe(false);
    expect(containsIdentityNumber("")).toBe(false);
  });
});

describe("ordinary plan text is never taken for an identity number", () => {
  /** Ten-digit organisation numbers with a correct Luhn digit: month 20 or more, so no date. */
  const organisationNumbers = ["212000-1124", `556016-${valid("556016", "068").slice(6)}`, `202100-${valid("202100", "528").slice(6)}`];

  it.each([
    "Planen antogs 2024-01-31 och följs upp 31 januari 2025.",
    "Datum: 20240131, 2024-01-31T10:00, 31/1 2025, 2025-01-31–2025-12-31",
    "Planen gäller 2022–2026 (2022-2026, 2022—2026).",
    "Budget 1 250 000 kr, 1250000 kr, 12 500 000,50 kr och 2 000 000 000 kr",
    "Det gäller ca 20 ärenden, 1 234 personer och 45 % av 5 678 hushåll.",
    "Malmö stad, organisationsnummer 212000-1124 (2120001124, 16212000-1124).",
    "Ring växeln 040-34 10 00, 08-123 456 78, 040-341000, 0771-123 456 eller +46 40 34 10 00.",
    "Dnr AS-2024-01234, SFS 2018:1197, prop. 2016/17:10, SOU 2015:55, kl. 13.00–15.30, 205 80 Malmö",
    "Bankgiro 5050-1055, plusgiro 12 34 56-7, IBAN SE45 5000 0000 0583 9825 7466",
  ])("%s", (text) => {
    expect(found(text)).toEqual([]);
    expect(containsIdentityNumber(text, { today })).toBe(false);
  });

  it("does not refuse organisation numbers that have a valid Luhn digit", () => {
    for (const number of organisationNumbers) {
      expect(checkDigit(number.replace("-", "").slice(0, 9)), number).toBe(number.replace("-", "")[9]);
      expect(found(number), number).toEqual([]);
      expect(found(`16${number}`), number).toEqual([]);
    }
  });
});
