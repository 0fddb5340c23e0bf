// Helpers for the chart tests only: a small XML well-formedness check, the texts an SVG shows, PNG header facts.

const NAME = /^[A-Za-z_][\w.-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkCharacterData(text: string, where: string): void {
  if (text.includes("<")) throw new Error(`"<" in ${where}: ${text.slice(0, 60)}`);
  if (text.replace(ENTITY, "").includes("&")) throw new Error(`bare "&" in ${where}: ${text.slice(0, 60)}`);
}

/** Throws unless `xml` is one well-formed element (balanced tags, quoted unique attributes, escaped text). */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const open = xml.indexOf("<", i);
    const text = xml.slice(i, open === -1 ? xml.length : open);
    checkCharacterData(text, "text");
    if (stack.length === 0 && text.trim() !== "") throw new Error("text outside the root element");
    if (open === -1) break;
    if (xml.startsWith("<!--", open)) {
      const end = xml.indexOf("-->", open);
      if (end === -1) throw new Error("unclosed comment");
      i = end + 3;
      continue;
    }
    const close = xml.indexOf(">", open);
    if (close === -1) throw new Error("unclosed tag");
    const tag = xml.slice(open + 1, close);
    i = close + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^\S+/.exec(body)?.[0] ?? "";
    if (!NAME.test(name)) throw new Error(`bad element name "${name}"`);
    const attributes = body.slice(name.length);
    const seen = new Set<string>();
    const rest = attributes.replace(/\s+([\w:.-]+)="([^"]*)"/g, (_, attribute: string, value: string) => {
      if (seen.has(attribute)) throw new Error(`attribute ${attribute} twice on <${name}>`);
      seen.add(attribute);
      checkCharacterData(value, `attribute ${attribute}`);
      return "";
    });
    if (rest.trim() !== "") throw new Error(`unreadable attributes on <${name}>: ${rest}`);
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

export function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The visible texts: each <text> element's content, its <title> left out, tspans joined by a space. */
export function visibleTexts(svg: string): string[] {
  return Array.from(svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g), (m) => {
    const inner = (m[1] ?? "").replace(/<title>[\s\S]*?<\/title>/g, "");
    const spans = Array.from(inner.matchAll(/<tspan[^>]*>([\s\S]*?)<\/tspan>/g), (s) => s[1] ?? "");
    return unescape(spans.length > 0 ? spans.join(" ") : inner);
  });
}

/** The contents of every <title> element (the chart's own first). */
export function titles(svg: string): string[] {
  return Array.from(svg.matchAll(/<title[^>]*>([\s\S]*?)<\/title>/g), (m) => unescape(m[1] ?? ""));
}

export function descOf(svg: string): string {
  return unescape(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? "");
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which follows the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(...png.slice(12, 16));
  if (type !== "IHDR") throw new Error("no IHDR chunk first");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The demo plan's five statuses and colours (Okabe–Ito), and its six goals, as the compiled report passes them. */
export const STATUSES = [
  { label: "Ej påbörjad", colour: "#9e9e9e" },
  { label: "Påbörjad – planering/kartläggning", colour: "#e69f00" },
  { label: "Pågående – testas operativt", colour: "#56b4e9" },
  { label: "Slutförd – del av ordinarie verksamhet", colour: "#009e73" },
  { label: "Avbruten", colour: "#cc79a7" },
];
export const GOALS = [
  "1. Staden bedriver ett verkningsfullt våldsförebyggande arbete",
  "2. Staden arbetar aktivt med att förhindra att våld upprepas",
  "3. Verksamma i staden ska upptäcka våld och kunna agera",
  "4. Staden erbjuder stöd utifrån den enskildes behov",
  "5. Stadens arbete bygger på aktuell kunskap och forskning",
  "6. Stadens arbete sker i samverkan med myndigheter, civilsamhälle och andra relevanta aktörer",
];
/** A name with every character that must be escaped, and the Swedish letters. */
export const NASTY = `Miljö & <Hälsa> "Åtgärd" 'Öresund'`;
export const NASTY_ESCAPED = "Miljö &amp; &lt;Hälsa&gt; &quot;Åtgärd&quot; &apos;Öresund&apos;";
