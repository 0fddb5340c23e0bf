// The annual wheel as a circle: twelve month sectors, a ring per category, today marked, each event a labelled mark
// that takes keyboard focus and shows its details. The list view is the accessible primary view; this one links to
// it, and the SVG carries a text alternative with every event per month.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { formatDate } from "../../i18n/index.ts";
import { wheelSvg } from "../../../wheel/wheel-svg.ts";
import type { WheelYear } from "../../../wheel/types.ts";
import { monthNames, shownOccurrences, WheelDownloads, WheelHeader, wheelCrumbs, type WheelViewProps } from "./wheel-common.tsx";
import { yearLinks } from "./links.ts";

/** The sentence that opens the wheel's text alternative. */
export function wheelSummary(ctx: PageContext, wheel: WheelYear): string {
  const today = wheel.today ? ` ${ctx.t("wheel.summaryToday", { date: formatDate(wheel.today, ctx.locale) })}` : "";
  return `${ctx.t("wheel.summary", { year: wheel.year, count: wheel.occurrences.length, categories: wheel.categories.map((c) => c.name).join(", ") })}${today}`;
}

/**
 * The wheel as SVG. On the page (`listHref` given) an event without a page of its own links to its entry in the list
 * view, where its details are.
 */
export function wheelPicture(ctx: PageContext, wheel: WheelYear, interactive: boolean, listHref?: string): string {
  const linked = listHref ? { ...wheel, occurrences: wheel.occurrences.map((o) => ({ ...o, href: o.href ?? `${listHref}#${o.key}` })) } : wheel;
  return wheelSvg(linked, {
    locale: ctx.locale, monthNames: monthNames(ctx), title: ctx.t("wheel.title", { year: wheel.year }), description: wheelSummary(ctx, wheel), interactive,
    idPrefix: "arshjul",
  });
}

export function WheelPage(props: WheelViewProps) {
  const { ctx, workspace } = props;
  const shown = shownOccurrences(props.wheel, props.chosen);
  const title = ctx.t("wheel.title", { year: shown.year });
  return (
    <Layout ctx={ctx} title={title} crumbs={wheelCrumbs(ctx, workspace, title)}>
      <WheelHeader {...props} view="wheel" />
      <p>
        {ctx.t("wheel.wheelHelp")} <a href={yearLinks.list(workspace.slug, shown.year, props.chosen)}>{ctx.t("wheel.sameAsList")}</a>
      </p>
      {/* The SVG is our own output with every text escaped (wheel-svg.ts). */}
      <figure class="wheel-figure">
        <div class="wheel-figure__svg" dangerouslySetInnerHTML={{ __html: wheelPicture(ctx, shown, true, yearLinks.list(workspace.slug, shown.year, props.chosen)) }} />
      </figure>
      <WheelDownloads {...props} />
    </Layout>
  );
}
