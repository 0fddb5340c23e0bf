// What a new plan starts with, so a coordinator can begin at once and rename what does not fit: the words of a
// Swedish municipal plan against violence, the five follow-up statuses, and the taxonomies such plans use.
// Data only; the create-plan command writes it. Keys are stable names the software looks for (activity_kind …).
import type { PlanVocabulary } from "./vocabulary.ts";

export const STATUS_MEANINGS = ["not_started", "started", "done", "cancelled"] as const;
export type StatusMeaning = (typeof STATUS_MEANINGS)[number];

export const ACTIVITY_PHASES = ["planned", "under_development", "ongoing", "completed", "cancelled"] as const;
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number];

export const DEFAULT_VOCABULARY: PlanVocabulary = {
  goal: { sv: { one: "Inriktningsmål", other: "Inriktningsmål" }, en: { one: "Goal", other: "Goals" } },
  measure: { sv: { one: "Aktivitet", other: "Aktiviteter" }, en: { one: "Activity", other: "Activities" } },
  numbering: "{goal}.{n}",
  strategyIntro: { sv: "Genom att", en: "By" },
  prerequisites: { sv: "Detta behöver finnas på plats", en: "What needs to be in place" },
};

export interface DefaultStatus {
  key: string;
  name: string;
  nameEn: string;
  /** #rrggbb from the Okabe–Ito palette (and a neutral grey), distinguishable with colour-vision deficiency. */
  colour: string;
  meaning: StatusMeaning;
  /** The phase an accepted report with this status moves the activity to. */
  phase: ActivityPhase;
}

export const DEFAULT_STATUSES: readonly DefaultStatus[] = [
  { key: "not_started", name: "Ej påbörjad", nameEn: "Not started", colour: "#9e9e9e", meaning: "not_started", phase: "planned" },
  {
    key: "planning", name: "Påbörjad – planering/kartläggning", nameEn: "Started – planning or mapping",
    colour: "#e69f00", meaning: "started", phase: "under_development",
  },
  { key: "ongoing", name: "Pågående – testas operativt", nameEn: "Ongoing – tested in operation", colour: "#56b4e9", meaning: "started", phase: "ongoing" },
  {
    key: "completed", name: "Slutförd – del av ordinarie verksamhet", nameEn: "Completed – part of ordinary work",
    colour: "#009e73", meaning: "done", phase: "completed",
  },
  { key: "cancelled", name: "Avbruten", nameEn: "Cancelled", colour: "#cc79a7", meaning: "cancelled", phase: "cancelled" },
];

export interface DefaultTerm {
  key: string;
  name: string;
  nameEn: string;
}

export interface DefaultTaxonomy {
  key: string;
  name: string;
  nameEn: string;
  /** Whether an activity may carry several of its terms. */
  multiple: boolean;
  terms: readonly DefaultTerm[];
}

const term = (key: string, name: string, nameEn: string): DefaultTerm => ({ key, name, nameEn });

export const DEFAULT_TAXONOMIES: readonly DefaultTaxonomy[] = [
  {
    key: "activity_kind", name: "Typ av aktivitet", nameEn: "Kind of activity", multiple: false,
    terms: [
      term("stadsovergripande", "Stadsövergripande", "City-wide"),
      term("i_samverkan", "I samverkan", "In partnership"),
      term("verksamhetsspecifik", "Verksamhetsspecifik", "The organisation's own"),
    ],
  },
  {
    key: "prevention_level", name: "Preventionsnivåer", nameEn: "Prevention levels", multiple: true,
    terms: [
      term("framjande", "Främjande", "Promotive"),
      term("universell", "Universell", "Universal"),
      term("selektiv", "Selektiv", "Selective"),
      term("indikerad", "Indikerad", "Indicated"),
    ],
  },
  {
    key: "target_group", name: "Målgrupper", nameEn: "Target groups", multiple: true,
    terms: [
      term("barn", "Barn", "Children"),
      term("unga", "Unga", "Young people"),
      term("aldre", "Äldre", "Older people"),
      term("funktionsnedsattning", "Personer med funktionsnedsättning", "People with disabilities"),
      term("hbtqi", "Hbtqi-personer", "LGBTQI people"),
      term("valdsutovare", "Våldsutövare", "Perpetrators of violence"),
      term("medarbetare", "Medarbetare", "Staff"),
    ],
  },
  {
    key: "focus_area", name: "Fokusområden", nameEn: "Focus areas", multiple: true,
    terms: [
      term("vald-i-nara-relation", "Våld i nära relation", "Intimate partner and family violence"),
      term("hedersrelaterat-vald", "Hedersrelaterat våld och förtryck", "Honour-related violence and oppression"),
      term("sexuellt-vald", "Sexuellt våld", "Sexual violence"),
      term("sex-mot-ersattning", "Sex mot ersättning", "Sex in exchange for payment"),
      term("manniskohandel", "Människohandel", "Human trafficking"),
      term("sexuell-exploatering-av-barn", "Sexuell exploatering av barn", "Sexual exploitation of children"),
    ],
  },
  {
    key: "violence_form", name: "Våldsformer", nameEn: "Forms of violence", multiple: true,
    terms: [
      term("fysiskt", "Fysiskt våld", "Physical violence"),
      term("psykiskt", "Psykiskt våld", "Psychological violence"),
      term("sexuellt", "Sexuellt våld", "Sexual violence"),
      term("ekonomiskt", "Ekonomiskt och materiellt våld", "Economic and material violence"),
      term("latent", "Latent våld", "Latent violence"),
      term("forsummelse", "Försummelse", "Neglect"),
      term("digitalt", "Digitalt våld", "Digital violence"),
    ],
  },
  {
    key: "audience", name: "Riktas till", nameEn: "Aimed at", multiple: false,
    terms: [term("for_staff", "För medarbetare", "For staff"), term("for_target_group", "För målgruppen", "For the target group")],
  },
];

/** Follow-up cadences a plan may choose (months between rounds), and dialogue-meeting cadences. */
export const FOLLOW_UP_CADENCES = [12, 24] as const;
export const DIALOGUE_CADENCES = [12, 24, 36] as const;
