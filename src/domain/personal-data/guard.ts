// The personal-data guard every free-text path calls (forms, JSON API, imports, CLI): identity and coordination
// numbers are refused, other likely personal data gives warnings the user must confirm. Pure: no I/O.
// Nothing returned or thrown here contains a full identity number: only masked forms ("850101-****"), offsets and keys.
import { z } from "zod";
import { AppError } from "../errors.ts";
import { findIdentityNumbers, type IdentityNumberKind, type IdentityNumberOptions } from "./identity-number.ts";
import { findLikelyPersonalData, type LikelyPersonalDataKind } from "./likely-personal-data.ts";
import type { PersonalDataMessageKey } from "./messages.ts";

/** One piece of free text: field is the form field's name, or "rad 12" for an import row. */
export interface GuardField {
  field: string;
  value: string;
}

export interface Refusal {
  field: string;
  kind: IdentityNumberKind;
  /** "YYMMDD-****". */
  masked: string;
  /** Where in the field's value the number starts, and its length as written (for highlighting). */
  offset: number;
  length: number;
  messageKey: PersonalDataMessageKey;
  params: { masked: string };
}

export interface Warning {
  field: string;
  kind: LikelyPersonalDataKind;
  offset: number;
  length: number;
  messageKey: PersonalDataMessageKey;
  /** { masked } for mobilePhone and privateEmail, { excerpt } for namedPerson. */
  params: Readonly<Record<string, string>>;
}

export interface GuardResult {
  refused: Refusal[];
  warnings: Warning[];
}

export type GuardOptions = IdentityNumberOptions;

const REFUSAL_KEYS: Record<IdentityNumberKind, PersonalDataMessageKey> = {
  personal: "personalData.identityNumber",
  coordination: "personalData.coordinationNumber",
};

const WARNING_KEYS: Record<LikelyPersonalDataKind, PersonalDataMessageKey> = {
  mobilePhone: "personalData.mobilePhone",
  privateEmail: "personalData.privateEmail",
  namedPerson: "personalData.namedPerson",
};

/** Refusals and warnings for every field, in field order and then in order of appearance. */
export function checkPersonalData(fields: readonly GuardField[], options: GuardOptions = {}): GuardResult {
  const result: GuardResult = { refused: [], warnings: [] };
  for (const { field, value } of fields) {
    const numbers = findIdentityNumbers(value, options);
    for (const { offset, length, kind, masked } of numbers) {
      result.refused.push({ field, kind, masked, offset, length, messageKey: REFUSAL_KEYS[kind], params: { masked } });
    }
    for (const match of findLikelyPersonalData(value)) {
      // A ten-digit run can be both a mobile number and a valid personnummer ("070123…"): the refusal covers it.
      if (numbers.some((number) => match.offset < number.offset + number.length && number.offset < match.offset + match.length)) continue;
      result.warnings.push({
        field,
        kind: match.kind,
        offset: match.offset,
        length: match.length,
        messageKey: WARNING_KEYS[match.kind],
        params: match.kind === "namedPerson" ? { excerpt: match.shown } : { masked: match.shown },
      });
    }
  }
  return result;
}

/** Thrown when text with an identity or coordination number is about to be saved; the web layer maps it to 422. */
export class PersonalDataRefused extends AppError {
  constructor(readonly refusals: readonly Refusal[]) {
    super(`personal identity number refused in ${[...new Set(refusals.map((refusal) => refusal.field))].join(", ")}`, 422);
  }
}

/** Throws PersonalDataRefused when any field holds an identity or coordination number; returns the warnings otherwise. */
export function assertNoIdentityNumbers(fields: readonly GuardField[], options: GuardOptions = {}): Warning[] {
  const { refused, warnings } = checkPersonalData(fields, options);
  if (refused.length > 0) throw new PersonalDataRefused(refused);
  return warnings;
}

/**
 * A zod string schema that also refuses identity and coordination numbers, with the message key as the issue's
 * message and { masked, kind } as its params, so forms get the field error in place. The issue carries no input.
 */
export function noIdentityNumber<T extends z.ZodString>(schema: T, options: GuardOptions = {}): T {
  return schema.superRefine((value, ctx) => {
    for (const { kind, masked } of findIdentityNumbers(value, options)) {
      ctx.addIssue({ code: "custom", message: REFUSAL_KEYS[kind], params: { masked, kind }, input: undefined });
    }
  });
}
