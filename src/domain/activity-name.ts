// An activity named briefly in a list of several: its number, or its title in quotes, cut at 40 characters.
export function shortActivityName(activity: { number: string | null; title: string }): string {
  if (activity.number) return activity.number;
  return activity.title.length > 40 ? `”${activity.title.slice(0, 39)}…”` : `”${activity.title}”`;
}
