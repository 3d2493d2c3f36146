/**
 * Search box for départements, régions and France, by name or code, accents
 * and case optional ("aube", "10", "reunion", "cote d or", "2a"). Results are
 * plain links; Enter in the box opens the first one.
 *
 * Pure: the territory list and options in, an element out; `document` can be
 * injected. Labels are set with textContent only.
 */
import {resolveDocument} from "./figure.js";

export type TerritoryKind = "departement" | "region" | "france";

export interface SearchTerritory {
  /** "D10", "R44", "FR" */
  id: string;
  kind: TerritoryKind;
  code: string;
  name: string;
  href: string;
}

const KIND_LABELS: Record<TerritoryKind, string> = {departement: "département", region: "région", france: "pays"};

/** Lower case, no accents, punctuation and hyphens as spaces, single spaces: "Côte-d'Or" → "cote d or". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** 0 best … 4 weakest; null when it does not match. */
function matchRank(territory: SearchTerritory, query: string): number | null {
  const code = territory.code.toLowerCase();
  const name = normalizeText(territory.name);
  if (code === query) return 0;
  if (/^[0-9ab]+$/.test(query) && code.startsWith(query) && territory.kind === "departement") return 1;
  if (name === query) return 0;
  if (name.startsWith(query)) return 2;
  if (` ${name}`.includes(` ${query}`)) return 3;
  if (name.includes(query)) return 4;
  return null;
}

const KIND_ORDER: Record<TerritoryKind, number> = {departement: 0, region: 1, france: 2};

/** Territories matching `query`, best first (exact code, then start of name, then anywhere), at most `limit`. */
export function searchTerritories(territories: readonly SearchTerritory[], query: string, limit = 12): SearchTerritory[] {
  const normalized = normalizeText(query);
  if (!normalized) return [];
  return territories
    .map((territory) => ({territory, rank: matchRank(territory, normalized)}))
    .filter((entry): entry is {territory: SearchTerritory; rank: number} => entry.rank !== null)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER[a.territory.kind] - KIND_ORDER[b.territory.kind] ||
        // Code matches in code order (971, 972…), name matches in alphabetical order.
        (a.rank <= 1 ? a.territory.code.localeCompare(b.territory.code) : 0) ||
        a.territory.name.localeCompare(b.territory.name, "fr")
    )
    .slice(0, limit)
    .map((entry) => entry.territory);
}

export interface TerritorySearchOptions {
  label?: string;
  placeholder?: string;
  limit?: number;
  /** Initial query (tests, or a value restored from the URL). */
  value?: string;
  document?: Document;
}

let instances = 0;

/** "1 résultat", "3 résultats", "Aucun territoire ne correspond à « xyz »." */
export function resultsMessage(count: number, query: string): string {
  if (!normalizeText(query)) return "Tapez un nom ou un numéro de département, ou un nom de région.";
  if (count === 0) return `Aucun territoire ne correspond à « ${query.trim()} ».`;
  return `${count} résultat${count > 1 ? "s" : ""}`;
}

export function territorySearch(territories: readonly SearchTerritory[], options: TerritorySearchOptions = {}): HTMLElement {
  const doc = resolveDocument(options.document);
  const id = `territory-search-${++instances}`;
  const form = doc.createElement("form");
  form.className = "territory-search";
  form.setAttribute("role", "search");

  const label = doc.createElement("label");
  label.htmlFor = id;
  label.textContent = options.label ?? "Trouver un territoire";
  label.style.display = "block";
  label.style.fontWeight = "600";
  const input = doc.createElement("input");
  input.type = "search";
  input.id = id;
  input.autocomplete = "off";
  input.placeholder = options.placeholder ?? "Nom ou numéro : Aube, 10, Grand Est…";
  input.setAttribute("aria-describedby", `${id}-status`);
  input.style.width = "100%";
  input.style.maxWidth = "28rem";
  input.style.fontSize = "16px";
  input.style.padding = "0.3rem 0.5rem";
  const status = doc.createElement("p");
  status.id = `${id}-status`;
  status.className = "territory-search-status";
  status.setAttribute("aria-live", "polite");
  status.style.margin = "0.3rem 0";
  status.style.fontSize = "14px";
  const list = doc.createElement("ul");
  list.className = "territory-search-results";

  let results: SearchTerritory[] = [];
  const update = () => {
    results = searchTerritories(territories, input.value, options.limit);
    status.textContent = resultsMessage(results.length, input.value);
    list.replaceChildren(
      ...results.map((territory) => {
        const item = doc.createElement("li");
        const link = doc.createElement("a");
        link.href = territory.href;
        link.textContent = territory.kind === "france" ? territory.name : `${territory.name} (${territory.code})`;
        const kind = doc.createElement("span");
        kind.className = "kind";
        kind.textContent = ` — ${KIND_LABELS[territory.kind]}`;
        item.append(link, kind);
        return item;
      })
    );
  };
  input.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = results[0];
    if (first) doc.defaultView?.location.assign(first.href);
  });
  if (options.value) input.value = options.value;
  update();

  form.append(label, input, status, list);
  return form;
}
