// A change to a text shown as one running text: removed words struck through, added words marked, the rest as is.
// Short values (a status, a date) read better as "before → after", so only texts with words in common are merged.
import { diffWords } from "diff";
import type { PageContext } from "../context.ts";

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : String(value));

export function TextDiff(props: { ctx: PageContext; before: unknown; after: unknown }) {
  const { ctx } = props;
  const before = show(props.before);
  const after = show(props.after);
  const parts = typeof props.before === "string" && typeof props.after === "string" ? diffWords(before, after) : [];
  const shared = parts.filter((p) => !p.added && !p.removed && p.value.trim()).length;
  if (shared === 0) {
    return (
      <>
        <del aria-label={ctx.t("history.before")}>{before}</del>
        <span aria-hidden="true"> → </span>
        <ins aria-label={ctx.t("history.after")}>{after}</ins>
      </>
    );
  }
  return (
    <>
      {parts.map((part, i) =>
        part.removed ? (
          <del key={i} aria-label={ctx.t("history.removed")}>
            {part.value}
          </del>
        ) : part.added ? (
          <ins key={i} aria-label={ctx.t("history.added")}>
            {part.value}
          </ins>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}
