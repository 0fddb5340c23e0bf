// "Historik": who changed what and when, each changed field shown as before and after.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import type { HistoryEntry } from "../../../queries/history.ts";
import { formatDateTime, hasMessage, messageOr, type Translate } from "../../i18n/index.ts";
import { TextDiff } from "../../components/text-diff.tsx";

/** A stored code shown in words where the catalog has them ("ongoing" in the field "phase" → "Pågående"). */
function valueInWords(t: Translate, field: string, value: unknown): unknown {
  const key = `${field}.${String(value)}`;
  return typeof value === "string" && hasMessage(key) ? t(key) : value;
}

export function HistoryPage(props: { ctx: PageContext; crumbs: Crumb[]; heading: string; entries: HistoryEntry[]; fieldLabel: (field: string) => string }) {
  const { ctx } = props;
  const title = ctx.t("history.title", { name: props.heading });
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      {props.entries.length === 0 ? (
        <p>{ctx.t("history.empty")}</p>
      ) : (
        <ol class="history">
          {props.entries.map((entry, i) => (
            <li key={i} class="history__entry">
              <h2 class="history__when">
                {formatDateTime(entry.at, ctx.locale)} · {entry.actorName ?? ctx.t("history.system")}
              </h2>
              <p>{messageOr(ctx.t, `history.action.${entry.action}`, messageOr(ctx.t, `audit.action.${entry.action}`, entry.action))}</p>
              {entry.changes.length > 0 && (
                <dl class="history__changes">
                  {entry.changes.map((change, j) => (
                    <div key={j}>
                      <dt>{props.fieldLabel(change.field)}</dt>
                      <dd>
                        <TextDiff ctx={ctx} before={valueInWords(ctx.t, change.field, change.before)} after={valueInWords(ctx.t, change.field, change.after)} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
