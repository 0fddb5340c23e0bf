// One taxonomy: its name (Swedish, English) and whether an activity may carry several of its terms, as a form (new or
// edit); on an existing one its key (which never changes) and its terms with add, edit, move, archive and restore.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { TaxonomyFields } from "../../../../commands/create-taxonomy.ts";
import type { TermRow } from "../../../../queries/goals-taxonomies.ts";
import { ArchivedList, ConflictNotice, FormButtons, FormState, LineField, ManageList, Theirs, type ManagedItem } from "../goals/parts.tsx";
import type { PlanWords } from "../goals/words.ts";

export interface TaxonomyTermsProps {
  key: string;
  terms: TermRow[];
  /** The taxonomy's address; terms live under `${base}/termer`. */
  base: string;
  self: string;
  history: string;
}

export interface TaxonomyPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  words: PlanWords;
  heading: string;
  action: string;
  back: string;
  version?: number;
  values: TaxonomyFields;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: TaxonomyFields | undefined;
  existing?: TaxonomyTermsProps;
  lang?: string | undefined;
}

export const TAXONOMY_FORM_ORDER = ["version", "name", "nameEn", "multiple", "confirmPersonalData"];

export const termText = (ctx: PageContext, row: { name: string; nameEn: string | null }) => (ctx.locale === "en" && row.nameEn ? row.nameEn : row.name);

function Terms(props: { ctx: PageContext; existing: TaxonomyTermsProps; lang?: string | undefined }) {
  const { ctx, existing } = props;
  const item = (term: TermRow): ManagedItem => ({
    id: term.id,
    name: termText(ctx, term),
    href: term.archivedAt ? undefined : `${existing.base}/termer/${term.id}`,
    label: ctx.locale === "en" && term.nameEn ? <>{term.nameEn}</> : <span lang={props.lang}>{term.name}</span>,
    meta: term.description ? <span lang={props.lang}>{term.description.length > 100 ? `${term.description.slice(0, 99)}…` : term.description}</span> : undefined,
    actions: `${existing.base}/termer/${term.id}`,
  });
  return (
    <>
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">{ctx.t("taxonomiesAdmin.terms.heading")}</h2>
        <ManageList ctx={ctx} items={existing.terms.filter((t) => !t.archivedAt).map(item)} back={existing.self} empty={ctx.t("taxonomiesAdmin.terms.empty")} />
        <p>
          <a class="button button--secondary" href={`${existing.base}/termer/ny`}>
            {ctx.t("taxonomiesAdmin.term.add")}
          </a>
        </p>
        <ArchivedList ctx={ctx} items={existing.terms.filter((t) => t.archivedAt).map(item)} back={existing.self} headingLevel={3} heading={ctx.t("taxonomiesAdmin.terms.archived")} />
      </section>
      <p class="tools">
        <a href={existing.history}>{ctx.t("taxonomiesAdmin.historyLink")}</a>
      </p>
    </>
  );
}

export function TaxonomyPage(props: TaxonomyPageProps) {
  const { ctx, words, errors, values, theirs } = props;
  const isNew = props.version === undefined;
  const yesNo = (multiple: boolean) => ctx.t(multiple ? "taxonomiesAdmin.multiple.yes" : "taxonomiesAdmin.multiple.no", { measure: words.measureLower });
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={TAXONOMY_FORM_ORDER} />
      <ConflictNotice ctx={ctx} show={theirs !== undefined} />
      {props.existing && (
        <p>
          {ctx.t("taxonomiesAdmin.keyIntro")} <code>{props.existing.key}</code>. {ctx.t("taxonomiesAdmin.keyStays")}
        </p>
      )}
      {!isNew && <h2>{ctx.t("taxonomiesAdmin.edit.formHeading")}</h2>}
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <FormState version={props.version} back={props.back} />
        <LineField ctx={ctx} name="name" label={ctx.t("taxonomiesAdmin.field.name")} hint={ctx.t("taxonomiesAdmin.field.nameHint")} value={values.name} errors={errors} theirs={theirs?.name} />
        <LineField
          ctx={ctx} name="nameEn" label={ctx.t("taxonomiesAdmin.field.nameEn")} value={values.nameEn} errors={errors} theirs={theirs?.nameEn} lang="en"
          hint={ctx.t("taxonomiesAdmin.field.nameEnHint")}
        />
        {theirs && <Theirs ctx={ctx} name="multiple" value={yesNo(theirs.multiple)} />}
        <ChoiceGroup
          ctx={ctx} name="multiple" type="radio" legend={ctx.t("taxonomiesAdmin.field.multiple", { measure: words.measureLower })} errors={errors}
          values={[values.multiple ? "1" : "0"]} options={[{ value: "1", label: yesNo(true) }, { value: "0", label: yesNo(false) }]}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <FormButtons ctx={ctx} submit={isNew ? ctx.t("taxonomiesAdmin.add") : ctx.t("form.save")} cancel={props.back} />
      </PostForm>
      {props.existing && <Terms ctx={ctx} existing={props.existing} lang={props.lang} />}
    </Layout>
  );
}
