// A page with a heading, a sentence and a way on: not found, error, starting up.
import type { PageContext } from "../context.ts";
import { Layout } from "../components/layout.tsx";

export function MessagePage(props: { ctx: PageContext; title: string; body: string; link?: { href: string; label: string } }) {
  return (
    <Layout ctx={props.ctx} title={props.title} crumbs={[{ label: props.title }]}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.link && (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </Layout>
  );
}
