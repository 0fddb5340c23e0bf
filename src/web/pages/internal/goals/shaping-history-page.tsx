// "Historik" of a goal with its strategies and prerequisites, or of a taxonomy with its terms: every change, newest
// first, each naming what it changed — archived rows included, so what was there stays readable.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { TextDiff } from "../../../components/text-diff.tsx";
import { formatDateTime } from "../../../i18n/index.ts";
import type { ShapingHistoryEntry } from "../../../../queries/goals-taxonomies.ts";

export interface ShapingHistoryProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  entries: ShapingHistoryEntry[];
  /** What the entry's subject is called now ("Strategi: Stärka barns rättigheter"); undefined for the page's own subject. */
  subjectName: (entry: ShapingHistoryEntry) => string | undefined;
  /** The action in words, in the plan's own words ("Lade till fokusområde"). */
  actionLabel: (entry: ShapingHistoryEntry) => string;
  fieldLabel: (field: string) => string;
  /** A stored value as people read it (yes/no, a date). */
  showValue: (field: string, value: unknown) => unknown;
}

export function ShapingHistoryPage(props: ShapingHistoryProps) {
  const { ctx } = props;
  const title = ctx.t("history.title", { name: props.heading });
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      {props.entries.length === 0 ? (
        <p>{ctx.t("history.empty")}</p>
      ) : (
        <ol class="history">
          {props.entries.map((entry, i) => {
            const subject = props.subjectName(entry);
            return (
              <li key={i} class="history__entry">
                <h2 class="history__when">
                  {formatDateTime(entry.at, ctx.locale)} · {entry.actorName ?? ctx.t("history.system")}
                </h2>
                <p>
                  {props.actionLabel(entry)}
                  {subject && <>: {subject}</>}
                </p>
                {entry.changes.length > 0 && (
                  <dl class="history__changes">
                    {entry.changes.map((change, j) => (
                      <div key={j}>
                        <dt>{props.fieldLabel(change.field)}</dt>
                        <dd>
                          <TextDiff ctx={ctx} before={props.showValue(change.field, change.before)} after={props.showValue(change.field, change.after)} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}
