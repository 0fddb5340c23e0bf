// One term of a taxonomy: its name (Swedish, English) and a description, as a form (new or edit).
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import type { TermFields } from "../../../../commands/create-term.ts";
import { ConflictNotice, FormButtons, FormState, LineField } from "../goals/parts.tsx";

export interface TermPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  /** The taxonomy's name, for the intro. */
  taxonomyName: string;
  action: string;
  back: string;
  version?: number;
  values: TermFields;
  errors: FieldErrors;
  askConfirm: boolean;
  theirs?: TermFields | undefined;
}

export const TERM_FORM_ORDER = ["version", "name", "nameEn", "description", "confirmPersonalData"];

export function TermPage(props: TermPageProps) {
  const { ctx, errors, values, theirs } = props;
  const isNew = props.version === undefined;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={TERM_FORM_ORDER} />
      <ConflictNotice ctx={ctx} show={theirs !== undefined} />
      <PostForm ctx={ctx} action={props.action} class="form form--wide" novalidate>
        <FormState version={props.version} back={props.back} />
        <LineField ctx={ctx} name="name" label={ctx.t("taxonomiesAdmin.term.name")} value={values.name} errors={errors} theirs={theirs?.name} />
        <LineField
          ctx={ctx} name="nameEn" label={ctx.t("taxonomiesAdmin.term.nameEn")} hint={ctx.t("taxonomiesAdmin.field.nameEnHint")} value={values.nameEn} errors={errors}
          theirs={theirs?.nameEn} lang="en"
        />
        <TextAreaField
          ctx={ctx} name="description" label={ctx.t("taxonomiesAdmin.term.description")} hint={ctx.t("taxonomiesAdmin.term.descriptionHint", { taxonomy: props.taxonomyName })}
          value={values.description} rows={4} errors={errors} theirs={theirs?.description}
        />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <FormButtons ctx={ctx} submit={isNew ? ctx.t("taxonomiesAdmin.term.add") : ctx.t("form.save")} cancel={props.back} />
      </PostForm>
    </Layout>
  );
}
