// The plan's taxonomies in order: name, how many terms, whether an activity may carry several; move, archive, add;
// archived ones apart with "restore".
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import type { TaxonomyOverview } from "../../../../queries/goals-taxonomies.ts";
import { ArchivedList, ManageList, type ManagedItem } from "../goals/parts.tsx";
import { Dot } from "../goals/goals-page.tsx";
import type { PlanWords } from "../goals/words.ts";

export interface TaxonomiesPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  words: PlanWords;
  taxonomies: TaxonomyOverview[];
  self: string;
  /** A taxonomy's page is `${base}/${id}`. */
  base: string;
  lang?: string | undefined;
}

/** The taxonomy's name in the page's language (the Swedish one marked as such on an English page without one). */
export function TaxonomyName(props: { ctx: PageContext; row: { name: string; nameEn: string | null }; lang?: string | undefined }) {
  if (props.ctx.locale === "en" && props.row.nameEn) return <>{props.row.nameEn}</>;
  return <span lang={props.lang}>{props.row.name}</span>;
}

export const taxonomyText = (ctx: PageContext, row: { name: string; nameEn: string | null }) => (ctx.locale === "en" && row.nameEn ? row.nameEn : row.name);

export function TaxonomiesPage(props: TaxonomiesPageProps) {
  const { ctx, words } = props;
  const item = (taxonomy: TaxonomyOverview): ManagedItem => ({
    id: taxonomy.id,
    name: taxonomyText(ctx, taxonomy),
    href: taxonomy.archivedAt ? undefined : `${props.base}/${taxonomy.id}`,
    label: <TaxonomyName ctx={ctx} row={taxonomy} lang={props.lang} />,
    meta: (
      <>
        {ctx.t(taxonomy.termCount === 1 ? "taxonomiesAdmin.termCount.one" : "taxonomiesAdmin.termCount.other", { count: taxonomy.termCount })}
        <Dot />
        {ctx.t(taxonomy.multiple ? "taxonomiesAdmin.multiple.yesShort" : "taxonomiesAdmin.multiple.noShort", { measure: words.measureLower })}
      </>
    ),
    actions: `${props.base}/${taxonomy.id}`,
    history: taxonomy.archivedAt ? `${props.base}/${taxonomy.id}/historik` : undefined,
  });
  const title = ctx.t("taxonomiesAdmin.list.title");
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <p>{ctx.t("taxonomiesAdmin.list.intro", { measures: words.measuresLower })}</p>
      <ManageList ctx={ctx} items={props.taxonomies.filter((t) => !t.archivedAt).map(item)} back={props.self} empty={ctx.t("taxonomiesAdmin.list.empty")} />
      <p>
        <a class="button" href={`${props.base}/ny`}>
          {ctx.t("taxonomiesAdmin.add")}
        </a>
      </p>
      <ArchivedList ctx={ctx} items={props.taxonomies.filter((t) => t.archivedAt).map(item)} back={props.self} heading={ctx.t("taxonomiesAdmin.list.archived")} />
    </Layout>
  );
}
