// The bodies of the plan-structure forms, as the browser sends them (every value a string; unticked boxes absent).
import { z } from "zod";
import { confirmPersonalData, formFlag, formText, formVersion } from "../../../forms/form-schemas.ts";

export const planFormBody = z.object({
  name: formText, slug: formText, periodStart: formText, periodEnd: formText, vision: formText, introduction: formText,
  adoptedBy: formText, adoptedOn: formText, coordinatingOrganisationId: formText, followUpEveryMonths: formText, dialogueEveryMonths: formText,
  published: formFlag, boardSplitTaxonomyId: formText, version: formVersion, tillbaka: formText, confirmPersonalData,
});

export const vocabularyBody = z.object({
  goalOne: formText, goalOther: formText, goalOneEn: formText, goalOtherEn: formText,
  measureOne: formText, measureOther: formText, measureOneEn: formText, measureOtherEn: formText,
  numbering: formText, numberingOther: formText, strategyIntro: formText, strategyIntroEn: formText, prerequisites: formText, prerequisitesEn: formText,
  version: formVersion, tillbaka: formText, confirmPersonalData,
});

export const statusBody = z.object({
  name: formText, nameEn: formText, colour: formText, meaning: formText, phase: formText, version: formVersion, tillbaka: formText, confirmPersonalData,
});
