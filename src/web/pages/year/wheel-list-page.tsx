// The annual wheel as a list by month: the accessible primary view. Each month a heading; each occurrence its date
// (or "during the month"), time, title (linked to its page), category with its colour, and what more there is to
// know; coordinators get a link to change the wheel's own events.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import type { WheelOccurrence } from "../../../wheel/types.ts";
import { contentLang } from "../public/labels.ts";
import { MONTH_KEYS, monthNames, shownOccurrences, WheelDownloads, WheelHeader, wheelCrumbs, type WheelViewProps } from "./wheel-common.tsx";

function dayLabel(ctx: PageContext, o: WheelOccurrence): string {
  if (!o.date) return ctx.t("wheel.duringMonth");
  const day = (iso: string) =>
    new Intl.DateTimeFormat(ctx.locale === "en" ? "en-GB" : "sv-SE", { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  const span = o.endDate && o.endDate !== o.date ? `${day(o.date)}–${day(o.endDate)}` : day(o.date);
  return o.time ? `${span}, ${ctx.t("wheel.atTime", { time: o.time })}` : span;
}

export function WheelListPage(props: WheelViewProps) {
  const { ctx, workspace } = props;
  const { t } = ctx;
  const shown = shownOccurrences(props.wheel, props.chosen);
  const title = t("wheel.listTitle", { year: shown.year });
  const names = monthNames(ctx);
  const category = new Map(shown.categories.map((c) => [c.key, c]));
  // Titles are written in the workspace's language.
  const lang = contentLang(ctx, workspace);
  return (
    <Layout ctx={ctx} title={title} crumbs={wheelCrumbs(ctx, workspace, title)}>
      <WheelHeader {...props} view="list" />
      {shown.occurrences.length === 0 && <p class="notice">{t("wheel.nothing")}</p>}
      {MONTH_KEYS.map((key, index) => {
        const month = index + 1;
        const inMonth = shown.occurrences.filter((o) => o.month === month);
        return (
          <section key={key} aria-labelledby={`manad-${month}`} class="wheel-month">
            <h2 id={`manad-${month}`}>{names[index]}</h2>
            {inMonth.length === 0 ? (
              <p class="muted">{t("wheel.monthEmpty")}</p>
            ) : (
              <ul class="wheel-list">
                {inMonth.map((o) => {
                  const c = category.get(o.categoryKey);
                  return (
                    <li key={o.key} id={o.key} class="wheel-list__item">
                      <span class="wheel-list__when">{dayLabel(ctx, o)}</span>
                      <span class="wheel-list__what">
                        {o.href ? <a href={o.href} lang={lang}>{o.title}</a> : <strong lang={lang}>{o.title}</strong>}
                        {o.detail && <span class="wheel-list__detail">{o.detail}</span>}
                      </span>
                      {c && (
                        <span class="wheel-list__category">
                          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                            <circle cx="6" cy="6" r="6" fill={c.colour} />
                          </svg>{" "}
                          {c.name}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
      <WheelDownloads {...props} />
    </Layout>
  );
}
