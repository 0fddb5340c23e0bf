// Malmö stad's organisations: boards, the administrations serving them, departments, a municipal company and partners.
import { addOrganisations, type OrganisationSpec } from "../common.ts";
import type { Bag, Lookup } from "../builder.ts";

const MALMO_ORGANISATIONS: OrganisationSpec[] = [
  // Boards (nämnder) and the administrations that serve them.
  { slug: "kommunstyrelsen", name: "Kommunstyrelsen", type: "board", servedBy: "stadskontoret" },
  { slug: "arbetsmarknads-och-socialnamnden", name: "Arbetsmarknads- och socialnämnden", type: "board", servedBy: "asf" },
  { slug: "overformyndarnamnden", name: "Överförmyndarnämnden", type: "board", servedBy: "asf" },
  { slug: "grundskolenamnden", name: "Grundskolenämnden", type: "board", servedBy: "grundskoleforvaltningen" },
  {
    slug: "gymnasie-och-vuxenutbildningsnamnden", name: "Gymnasie- och vuxenutbildningsnämnden", type: "board",
    servedBy: "gymnasie-och-vuxenutbildningsforvaltningen",
  },
  {
    slug: "halsa-vard-och-omsorgsnamnden", name: "Hälsa-, vård- och omsorgsnämnden", type: "board",
    servedBy: "halsa-vard-och-omsorgsforvaltningen",
  },
  { slug: "funktionsstodsnamnden", name: "Funktionsstödsnämnden", type: "board", servedBy: "funktionsstodsforvaltningen" },
  { slug: "fritidsnamnden", name: "Fritidsnämnden", type: "board", servedBy: "fritidsforvaltningen" },
  { slug: "kulturnamnden", name: "Kulturnämnden", type: "board", servedBy: "kulturforvaltningen" },

  // Administrations (förvaltningar) with their departments.
  { slug: "stadskontoret", name: "Stadskontoret", type: "administration", contactRole: "Strateg för social hållbarhet" },
  {
    slug: "stadskontoret-hr", name: "HR-avdelningen", type: "department", parent: "stadskontoret",
    contactRole: "HR-strateg",
  },
  {
    slug: "asf", name: "Arbetsmarknads- och socialförvaltningen", shortName: "ASF", type: "administration",
    contactRole: "Samordnare mot våld i nära relation",
  },
  { slug: "asf-insatser", name: "Avdelningen för insatser", type: "department", parent: "asf", contactRole: "Avdelningschef" },
  {
    slug: "asf-ekonomiskt-bistand-och-boende", name: "Avdelningen för ekonomiskt bistånd och boende", type: "department",
    parent: "asf", contactRole: "Avdelningschef",
  },
  { slug: "asf-kompetenscentrum", name: "Kompetenscentrum", type: "department", parent: "asf", contactRole: "Enhetschef" },
  {
    slug: "asf-hallbarhetsenheten", name: "Hållbarhetsenheten", type: "department", parent: "asf",
    contactRole: "Samordnare mot alla former av våld i nära relation",
  },
  {
    slug: "grundskoleforvaltningen", name: "Grundskoleförvaltningen", shortName: "GRF", type: "administration",
    contactRole: "Förvaltningens representant i samordningsgruppen",
  },
  {
    slug: "gymnasie-och-vuxenutbildningsforvaltningen", name: "Gymnasie- och vuxenutbildningsförvaltningen",
    shortName: "GYVF", type: "administration", contactRole: "Förvaltningens representant i samordningsgruppen",
  },
  {
    slug: "halsa-vard-och-omsorgsforvaltningen", name: "Hälsa-, vård- och omsorgsförvaltningen", shortName: "HVO",
    type: "administration", contactRole: "Förvaltningens representant i samordningsgruppen",
  },
  {
    slug: "funktionsstodsforvaltningen", name: "Funktionsstödsförvaltningen", shortName: "FSF", type: "administration",
    contactRole: "Förvaltningens representant i samordningsgruppen",
  },
  {
    slug: "fritidsforvaltningen", name: "Fritidsförvaltningen", type: "administration",
    contactRole: "Förvaltningens representant i samordningsgruppen",
  },
  {
    slug: "kulturforvaltningen", name: "Kulturförvaltningen", type: "administration",
    contactRole: "Förvaltningens representant i samordningsgruppen",
  },

  // Municipal company.
  { slug: "mkb", name: "MKB Fastighets AB", shortName: "MKB", type: "company", contactRole: "Hållbarhetsstrateg" },

  // External partners.
  { slug: "polisen", name: "Polisen", type: "external" },
  { slug: "kriminalvarden", name: "Kriminalvården", type: "external" },
  { slug: "region-skane", name: "Region Skåne", type: "external" },
  { slug: "lansstyrelsen-skane", name: "Länsstyrelsen Skåne", type: "external" },
  { slug: "malmo-universitet", name: "Malmö universitet", type: "external" },
  { slug: "kvinnojourerna-i-malmo", name: "Kvinnojourerna i Malmö", type: "external" },
];

export function addMalmoOrganisations(bag: Bag, ws: string): Lookup {
  return addOrganisations(bag, ws, MALMO_ORGANISATIONS);
}
