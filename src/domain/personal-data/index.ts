// The personal-data guard: refuse identity numbers, warn about other likely personal data. See guard.ts.
export {
  checkPersonalData,
  assertNoIdentityNumbers,
  noIdentityNumber,
  PersonalDataRefused,
  type GuardField,
  type GuardOptions,
  type GuardResult,
  type Refusal,
  type Warning,
} from "./guard.ts";
export {
  findIdentityNumbers,
  containsIdentityNumber,
  type IdentityNumberKind,
  type IdentityNumberMatch,
  type IdentityNumberOptions,
} from "./identity-number.ts";
export {
  findLikelyPersonalData,
  isPrivateEmailDomain,
  PRIVATE_EMAIL_DOMAINS,
  type LikelyPersonalDataKind,
  type LikelyPersonalDataMatch,
} from "./likely-personal-data.ts";
export { personalDataMessages, personalDataMessagesEn, personalDataMessagesSv, type PersonalDataMessageKey } from "./messages.ts";
