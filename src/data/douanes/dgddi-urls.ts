/**
 * Where the customs publish their bulk regional files, and how they are found.
 *
 * The "Bases complètes" of the customs' download pages (docs/data.md §1) are linked
 * from one page, DGDDI_PAGE_URL (default `…/site_fr/telechargement/telechargement_SGBD.asp`).
 * Its file addresses are not stable, so they are read from the page each time:
 * every `<a href>` (relative or absolute, entities decoded, resolved against the
 * page's address or its `<base href>`) whose file name — the `fic` parameter of a
 * `download…asp?fic=<name>&rep=…` script, else the last path segment — is one of:
 *   - the rolling series `REGIONAL_CPF4PAYSE.txt` / `REGIONAL_CPF4PAYSI.txt`, or zipped;
 *   - an annual archive `…regional_<year>_export.zip` / `…_import.zip`
 *     (seen as `202002_regional_2019_export.zip`);
 *   - a label file `Libelle_CPF4_rev2.1.txt`, `Libelle_A129.txt`, `Libelle_PAYS.txt`,
 *     `Departement_region.txt` (or one of them zipped), or a zip of labels (`Libelle…zip`).
 *
 * What is taken when the page links several files of a kind: EVERY annual year
 * linked, plus the two rolling files, plus the label files. The parser receives
 * them all and decides what overlapping years mean. Within one kind:
 *   - the same year and flow linked twice (two editions, `202002_…_2019_export.zip`
 *     and `202102_…_2019_export.zip`): the latest edition only (greatest name);
 *   - the same file linked zipped and unzipped: the zip only (smaller download);
 *   - the same file name linked twice: the first link;
 *   - a zip of labels: only when no single label file is linked.
 *
 * DGDDI_URLS="https://…/a.zip https://…/b.txt" (space or comma separated full
 * addresses) overrides all of this: those files and nothing else, page not read.
 * The old guess of one `region_NN.zip` per INSEE région code is gone (those zips
 * are numbered by the customs' own région codes, docs/data.md §3); a folder of
 * region zips downloaded by hand is still read through TRADE_SOURCE=/path.
 */

export const DEFAULT_DGDDI_PAGE_URL = "https://lekiosque.finances.gouv.fr/site_fr/telechargement/telechargement_SGBD.asp";

export interface RemoteFile {
  url: string;
  /** Name used in the cache and in messages. */
  fileName: string;
}

export function dgddiPageUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DGDDI_PAGE_URL?.trim() || DEFAULT_DGDDI_PAGE_URL;
}

/** The files DGDDI_URLS names, or undefined when it is unset or empty. */
export function explicitFiles(env: NodeJS.ProcessEnv = process.env): RemoteFile[] | undefined {
  const urls = env.DGDDI_URLS?.split(/[\s,]+/).filter(Boolean);
  if (!urls?.length) return undefined;
  return urls.map((url, i) => ({url, fileName: new URL(url).searchParams.get("fic") ?? url.split("/").pop()?.replace(/[^\w.-]/g, "_") ?? `source_${i}.zip`}));
}

// ---------------------------------------------------------------------------
// Links of an HTML page

export interface PageLink {
  /** The href as written in the page, entities decoded. */
  href: string;
  /** Absolute address. */
  url: string;
  /** The link's visible text, tags dropped, spaces collapsed. */
  text: string;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  agrave: "à", acirc: "â", auml: "ä", ccedil: "ç", eacute: "é", egrave: "è", ecirc: "ê", euml: "ë",
  icirc: "î", iuml: "ï", ocirc: "ô", ouml: "ö", ugrave: "ù", ucirc: "û", uuml: "ü", yuml: "ÿ",
  Agrave: "À", Acirc: "Â", Ccedil: "Ç", Eacute: "É", Egrave: "È", Ecirc: "Ê", Icirc: "Î", Ocirc: "Ô", Ucirc: "Û",
  oelig: "œ", OElig: "Œ", laquo: "«", raquo: "»", rsquo: "’", lsquo: "‘", hellip: "…", ndash: "–", mdash: "—", euro: "€", deg: "°"
};

/** `&amp;`, `&#233;`, `&#xE9;`, `&eacute;` → characters; an unknown entity is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // A named entity needs its `;`, except the few browsers also accept bare (`&amp`, `&lt`…).
    const known = NAMED_ENTITIES[body];
    if (known === undefined) return whole;
    return whole.endsWith(";") || ["amp", "lt", "gt", "quot", "nbsp"].includes(body) ? known : whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3]).trim() : undefined;
}

/**
 * Every `<a href>` of a page, resolved against `pageUrl` (or the page's own
 * `<base href>`), in page order. Comments, scripts and styles are skipped;
 * `javascript:`, `mailto:`, fragments and unparseable addresses are dropped.
 */
export function extractLinks(html: string, pageUrl: string): PageLink[] {
  const cleaned = html.replace(/<!--[\s\S]*?(?:-->|$)/g, " ").replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ");
  const baseHref = /<base\b[^>]*>/i.exec(cleaned);
  let base = pageUrl;
  const declared = baseHref ? attribute(baseHref[0], "href") : undefined;
  if (declared) {
    try { base = new URL(declared, pageUrl).href; } catch { /* keep the page's address */ }
  }
  const links: PageLink[] = [];
  const anchor = /<a\b([^>]*)>([\s\S]*?)(?:<\/a\s*>|(?=<a\b)|$)/gi;
  for (let match = anchor.exec(cleaned); match; match = anchor.exec(cleaned)) {
    const href = attribute(match[0].slice(0, match[1].length + 3), "href");
    if (!href || href.startsWith("#") || /^(?:javascript|mailto|tel|data):/i.test(href)) continue;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    const text = decodeEntities(match[2].replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
    links.push({href, url: url.href, text});
  }
  return links;
}

// ---------------------------------------------------------------------------
// Which links are bulk files

export type BulkKind = "rolling" | "annual" | "labels" | "labels-zip";

export interface BulkFile extends RemoteFile {
  kind: BulkKind;
  flow?: "export" | "import";
  year?: number;
  /** Files with the same key are the same content: one is kept. */
  key: string;
}

/** The file a link downloads: its `fic` parameter (download…asp scripts), else its last path segment. */
export function linkFileName(url: string): string {
  const parsed = new URL(url);
  let name = "";
  for (const [key, value] of parsed.searchParams) {
    if (key.toLowerCase() === "fic" && value.trim()) { name = value.trim(); break; }
  }
  if (!name) {
    const last = parsed.pathname.split("/").pop() ?? "";
    try { name = decodeURIComponent(last); } catch { name = last; }
  }
  // A plain name for the cache: whatever precedes the last separator is dropped.
  return name.split(/[\\/]/).pop() ?? "";
}

const EDITION = String.raw`(?:\d{4,8}[_-])?`;
const ROLLING = new RegExp(`^${EDITION}regional[_-]?cpf4pays([ei])(?:\\.txt)?(\\.zip)?$`, "i");
const ROLLING_TXT = /\.txt$/i;
const ANNUAL = new RegExp(`^${EDITION}region(?:al)?[_-](\\d{4})[_-](export|import)s?\\.(zip|txt)$`, "i");
const LABEL = /^(libelle_cpf4_rev2[._]1|libelle_a129|libelle_pays|departement_region)(?:\.txt)?(\.zip)?$/i;
const LABELS_ZIP = /^libelles?(?:[_-][\w.-]*)?\.zip$/i;

/** What a file name is among the bulk files, or undefined. */
export function classifyBulkFileName(fileName: string): Omit<BulkFile, "url" | "fileName"> | undefined {
  const rolling = ROLLING.exec(fileName);
  if (rolling && (rolling[2] || ROLLING_TXT.test(fileName))) {
    const flow = rolling[1].toLowerCase() === "e" ? "export" : "import";
    return {kind: "rolling", flow, key: `rolling-${flow}`};
  }
  const annual = ANNUAL.exec(fileName);
  if (annual) {
    const year = Number(annual[1]);
    const flow = annual[2].toLowerCase() as "export" | "import";
    if (year >= 1990 && year <= 2100) return {kind: "annual", flow, year, key: `annual-${year}-${flow}`};
  }
  const label = LABEL.exec(fileName);
  if (label && (label[2] || /\.txt$/i.test(fileName))) return {kind: "labels", key: `labels-${label[1].toLowerCase().replace(/rev2[._]1/, "rev2.1")}`};
  if (LABELS_ZIP.test(fileName)) return {kind: "labels-zip", key: `labels-zip-${fileName.toLowerCase()}`};
  return undefined;
}

const KIND_ORDER: Record<BulkKind, number> = {rolling: 0, annual: 1, labels: 2, "labels-zip": 3};

/**
 * The bulk files among a page's links, one per key (see the module comment
 * for which is kept), sorted: rolling, annual by year and flow, labels.
 */
export function selectBulkFiles(links: PageLink[]): BulkFile[] {
  const byKey = new Map<string, BulkFile>();
  for (const link of links) {
    const fileName = linkFileName(link.url);
    const kind = classifyBulkFileName(fileName);
    if (!kind) continue;
    const candidate: BulkFile = {...kind, url: link.url, fileName};
    const kept = byKey.get(kind.key);
    if (!kept || prefer(candidate, kept)) byKey.set(kind.key, candidate);
  }
  let files = [...byKey.values()];
  if (files.some((file) => file.kind === "labels")) files = files.filter((file) => file.kind !== "labels-zip");
  return files.sort((a, b) =>
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.year ?? 0) - (b.year ?? 0) || (a.flow ?? "").localeCompare(b.flow ?? "") || a.fileName.localeCompare(b.fileName)
  );
}

/** Between two links to the same content: the zip, then the latest edition (greatest name); else the first one. */
function prefer(candidate: BulkFile, kept: BulkFile): boolean {
  const zipped = (file: BulkFile) => /\.zip$/i.test(file.fileName);
  if (zipped(candidate) !== zipped(kept)) return zipped(candidate);
  return candidate.fileName.toLowerCase() > kept.fileName.toLowerCase();
}
