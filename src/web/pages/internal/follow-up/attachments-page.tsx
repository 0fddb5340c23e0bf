// The page a refused upload or removal answers with (400): what was wrong, at the top, and the report's attachments
// with the upload form again, so the person can pick another file without losing their place.
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, type FieldErrors } from "../../../components/form.tsx";
import { FILE_FIELD, SECTION_FIELD } from "../../../../commands/add-attachment.ts";
import { AttachmentsSection, type AttachmentsSectionProps } from "./attachments-section.tsx";

export interface AttachmentsPageProps extends Omit<AttachmentsSectionProps, "errors" | "headingLevel"> {
  crumbs: Crumb[];
  /** The activity's heading ("Aktivitet 1.2: Föräldraskapsstöd …"). */
  name: string;
  errors: FieldErrors;
}

export function AttachmentsPage(props: AttachmentsPageProps) {
  const { ctx, errors } = props;
  const title = ctx.t("attachment.pageTitle", { name: props.name });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={[SECTION_FIELD, FILE_FIELD]} />
      <AttachmentsSection {...props} errors={errors} headingLevel={2} />
      <p>
        <a href={props.returnTo}>{ctx.t("attachment.backToReport")}</a>
      </p>
    </Layout>
  );
}

