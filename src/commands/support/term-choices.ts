// Taxonomy terms chosen in a form (activities and needs): one group per taxonomy, named `terms-<taxonomy key>`.
// Each id must be a term of that taxonomy; a taxonomy that allows one term gets at most one; archived terms may only be
// kept where they were already chosen. Links to terms of taxonomies the form no longer shows (archived) are kept.
import type { PlanChoices } from "../../queries/activity-form.ts";
import type { Problems } from "./checks.ts";

export const termField = (taxonomyKey: string) => `terms-${taxonomyKey}`;

export function termChoices(choices: PlanChoices, input: Record<string, readonly string[]>, currentTermIds: readonly string[]): { problems: Problems; termIds: string[] } {
  const problems: Problems = {};
  const termIds: string[] = [];
  const shown = new Set(choices.taxonomies.map((t) => t.key));
  for (const [key, raw] of Object.entries(input)) {
    const ids = [...new Set(raw.filter((id) => id !== ""))];
    if (ids.length === 0) continue;
    const taxonomy = choices.taxonomies.find((t) => t.key === key);
    if (!taxonomy || !shown.has(key)) {
      problems[termField(key)] = { key: "form.unknownChoice" };
      continue;
    }
    const valid = ids.every((id) => choices.terms.some((term) => term.id === id && term.taxonomyId === taxonomy.id && (!term.archivedAt || currentTermIds.includes(id))));
    if (!valid) problems[termField(key)] = { key: "form.unknownChoice" };
    else if (!taxonomy.multiple && ids.length > 1) problems[termField(key)] = { key: "activity.form.oneTerm" };
    else termIds.push(...ids);
  }
  // Terms of taxonomies not on the form (archived taxonomies) stay as they were.
  const onForm = new Set(choices.terms.map((t) => t.id));
  for (const id of currentTermIds) if (!onForm.has(id) && !termIds.includes(id)) termIds.push(id);
  return { problems, termIds };
}
