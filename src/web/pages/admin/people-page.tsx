// "Personer": everyone with a role in the workspace, their roles (each with a button to remove it, where the viewer
// may), their last login, and the ways on to inviting people and to the audit log.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../components/form.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import type { Person, PersonRole } from "../../../queries/people.ts";
import { formatDateTime } from "../../i18n/index.ts";

export interface PeoplePageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  workspaceName: string;
  people: Person[];
  /** May the viewer remove this role of this person? (Buttons are shown only where the answer is yes.) */
  removable: (person: Person, role: PersonRole) => boolean;
  /** Where the remove button of a membership posts. */
  removeAction: (membershipId: string) => string;
  /** Links the viewer may open: inviting, the open invitations, the audit log. */
  links: Array<{ href: string; label: string }>;
  notice?: string | undefined;
  /** Keyed `remove-<membership id>`: the problem with removing that role. */
  errors: FieldErrors;
}

export const removeButtonId = (membershipId: string) => `remove-${membershipId}`;

function roleName(ctx: PageContext, role: PersonRole) {
  const name = ctx.t(`role.${role.role}` as MessageKey);
  return role.organisationName ? `${name}, ${role.organisationName}` : name;
}

export function PeoplePage(props: PeoplePageProps) {
  const { ctx, errors } = props;
  const title = ctx.t("admin.people.title", { workspace: props.workspaceName });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{ctx.t("admin.people.intro", { workspace: props.workspaceName })}</p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.links.length > 0 && (
        <ul class="tools">
          {props.links.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      )}
      {props.people.length === 0 ? (
        <p>{ctx.t("admin.people.empty")}</p>
      ) : (
        <TableWrap labelledBy="people-caption">
          <table class="people">
            <caption id="people-caption">{ctx.t("admin.people.caption", { workspace: props.workspaceName, count: props.people.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t("admin.people.name")}</th>
                <th scope="col">{ctx.t("admin.people.email")}</th>
                <th scope="col">{ctx.t("admin.people.roles")}</th>
                <th scope="col">{ctx.t("admin.people.lastLogin")}</th>
              </tr>
            </thead>
            <tbody>
              {props.people.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">
                    {person.name}
                    {person.disabled && (
                      <>
                        <br />
                        <small>{ctx.t("admin.people.disabled")}</small>
                      </>
                    )}
                  </th>
                  <td>{person.email}</td>
                  <td>
                    <ul class="people__roles">
                      {person.roles.map((role) => {
                        const id = removeButtonId(role.membershipId);
                        const error = errors[id];
                        const removable = props.removable(person, role);
                        return (
                          <li key={role.membershipId}>
                            {roleName(ctx, role)}
                            {/* The error summary links to the button, or to the message itself where there is no button. No
                                visually hidden text in this table: absolutely positioned, it would escape the table's sideways
                                scroller on a narrow screen. */}
                            {error && (
                              <p class="field__error" id={removable ? `${id}-error` : id} tabIndex={removable ? undefined : -1}>
                                {error}
                              </p>
                            )}
                            {removable && (
                              <PostForm ctx={ctx} action={props.removeAction(role.membershipId)} class="people__remove">
                                {/* The name starts with the visible words (WCAG 2.5.3) and says which role of whom. */}
                                <button
                                  type="submit" id={id} class="link-button" aria-describedby={error ? `${id}-error` : undefined}
                                  aria-label={`${ctx.t("admin.people.remove")}: ${ctx.t("admin.people.removeWhat", { role: roleName(ctx, role), name: person.name })}`}
                                >
                                  {ctx.t("admin.people.remove")}
                                </button>
                              </PostForm>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td>
                    {person.lastLogin ? <time dateTime={person.lastLogin.toISOString()}>{formatDateTime(person.lastLogin, ctx.locale, "medium")}</time> : ctx.t("admin.people.never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}
