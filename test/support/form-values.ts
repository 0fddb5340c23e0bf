// Reads a server-rendered form the way a browser would submit it: text, hidden and date inputs, ticked checkboxes and
// radios, textareas and the selected option of each select. Tests post it back with a few fields changed.
const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");

/** Attributes of a start tag; a bare attribute (`checked`, or `value` as Preact writes an empty one) is "". */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-zA-Z_:-]+)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] = m[2] === undefined ? "" : decode(m[2]);
  return out;
}

/** The fields of the form whose action is `action` (default: the first form with a `version` field). */
export function formValues(html: string, action?: string): Record<string, string | string[]> {
  const forms = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => (action ? attrs(f[0].slice(0, f[0].indexOf(">") + 1)).action === action : /name="version"/.test(f[1]!)));
  if (!form) throw new Error(`no form${action ? ` with action ${action}` : ""} on the page`);
  const body = form[1]!;
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string, list: boolean) => {
    const had = values[name];
    if (list) values[name] = [...(Array.isArray(had) ? had : had !== undefined ? [had] : []), value];
    else values[name] = value;
  };
  for (const m of body.matchAll(/<input\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.name === undefined || a.name === "_csrf") continue;
    const type = a.type ?? "text";
    if (type === "checkbox") {
      values[a.name] ??= [];
      if ("checked" in a) add(a.name, a.value ?? "on", true);
    } else if (type === "radio") {
      if ("checked" in a) add(a.name, a.value ?? "on", false);
    } else if (type !== "submit" && type !== "button") {
      add(a.name, a.value ?? "", false);
    }
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attrs(`<textarea${m[1]}>`);
    if (a.name !== undefined) values[a.name] = decode(m[2]!).replace(/^\n/, "");
  }
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const a = attrs(`<select${m[1]}>`);
    if (a.name === undefined) continue;
    const options = [...m[2]!.matchAll(/<option\b[^>]*>/g)].map((o) => attrs(o[0]));
    const chosen = options.find((o) => "selected" in o) ?? options[0];
    values[a.name] = chosen?.value ?? "";
  }
  return values;
}
