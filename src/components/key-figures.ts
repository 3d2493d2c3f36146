/**
 * The key figures printed under each Sankey in the reference:
 * "1 822,3 M€ — 2,7 % du Grand Est, 0,31 % de la France".
 * The texts come from a pure function so the page can bake them into the
 * built HTML (readable without JavaScript) and the element reuses them.
 */
import {
  FRANCE_SHARE_DECIMALS,
  formatMillionEuros,
  formatShare,
  formatSignedMillionEuros,
  formatTonnes,
  REGION_SHARE_DECIMALS,
  UNIT_SPACE
} from "./format.js";
import {resolveDocument} from "./figure.js";
import {flowColor, flowLabel} from "./palette.js";
import type {Flow} from "../data/canonical.js";

export interface KeyFiguresInput {
  territoryName: string;
  flow: Flow;
  /** Total of the flow for the territory, in euros. */
  total: number;
  /** Région name as written after a share: "du Grand Est", "de l'Occitanie"… */
  regionName?: string;
  regionTotal?: number;
  franceTotal?: number;
  /** Exports − imports, in euros, when the page wants it shown too. */
  balance?: number;
}

export interface KeyFiguresTexts {
  /** "Exportations" / "Importations". */
  flowLabel: string;
  /** "1 822,3 M€". */
  total: string;
  /** "2,7 % du Grand Est", absent for a région or France. */
  regionShare?: string;
  /** "0,31 % de la France", absent for France itself. */
  franceShare?: string;
  /** "+125,1 M€ (excédent)" / "−40,2 M€ (déficit)". */
  balance?: string;
  /** The reference's line: total — shares. */
  sentence: string;
}


/** A share only makes sense against a positive, distinct total. */
function share(total: number, whole: number | undefined, decimals: number): string | undefined {
  if (whole === undefined || !(whole > 0)) return undefined;
  return formatShare(total / whole, decimals);
}

/** "du Grand Est" stays as given; a bare "Grand Est" becomes "de Grand Est". */
function ofRegion(regionName: string): string {
  return /^(de |du |des |d')/i.test(regionName) ? regionName : `de ${regionName}`;
}

export function balanceText(balance: number): string {
  const word = balance > 0 ? "excédent" : balance < 0 ? "déficit" : "équilibre";
  return `${formatSignedMillionEuros(balance)} (${word})`;
}

export function keyFiguresTexts(input: KeyFiguresInput): KeyFiguresTexts {
  const total = formatMillionEuros(input.total);
  const regionPercent = input.regionName ? share(input.total, input.regionTotal, REGION_SHARE_DECIMALS) : undefined;
  const regionShare = regionPercent && input.regionName ? `${regionPercent} ${ofRegion(input.regionName)}` : undefined;
  const francePercent = share(input.total, input.franceTotal, FRANCE_SHARE_DECIMALS);
  const franceShare = francePercent ? `${francePercent} de la France` : undefined;
  const shares = [regionShare, franceShare].filter((text): text is string => text !== undefined);
  return {
    flowLabel: flowLabel(input.flow),
    total,
    regionShare,
    franceShare,
    balance: input.balance === undefined ? undefined : balanceText(input.balance),
    sentence: shares.length ? `${total} — ${shares.join(", ")}` : total
  };
}

export function keyFigures(input: KeyFiguresInput, {document}: {document?: Document} = {}): HTMLElement {
  const doc = resolveDocument(document);
  const texts = keyFiguresTexts(input);
  const block = doc.createElement("div");
  block.className = "key-figures";
  block.dataset.flow = input.flow;
  block.style.borderLeft = `4px solid ${flowColor(input.flow)}`;
  block.style.paddingLeft = "0.75rem";

  const label = doc.createElement("p");
  label.className = "key-figures-label";
  label.textContent = `${texts.flowLabel} — ${input.territoryName}`;
  const total = doc.createElement("p");
  total.className = "key-figures-total";
  total.style.fontSize = "1.6em";
  total.style.fontWeight = "700";
  total.style.margin = "0";
  total.textContent = texts.total;
  block.append(label, total);

  for (const [className, text] of [
    ["key-figures-region", texts.regionShare],
    ["key-figures-france", texts.franceShare],
    ["key-figures-balance", texts.balance && `Solde commercial${UNIT_SPACE}: ${texts.balance}`]
  ] as const) {
    if (!text) continue;
    const line = doc.createElement("p");
    line.className = className;
    line.style.margin = "0";
    line.textContent = text;
    block.append(line);
  }
  return block;
}

/**
 * The page's key figures: exports and imports (total, tonnage, shares) and the
 * balance, as a definition list (`dl.key-figures`). `balanceNote` (see
 * format.ts, balanceRoundingNote) is printed under the balance when the
 * rounded figures do not add up.
 */
export function keyFiguresList(
  flows: readonly {flow: Flow; texts: KeyFiguresTexts; massKg: number | null}[],
  balance: string,
  {document, balanceNote = null}: {document?: Document; balanceNote?: string | null} = {}
): HTMLDListElement {
  const doc = resolveDocument(document);
  const list = doc.createElement("dl");
  list.className = "key-figures";
  const item = (className: string, term: string, parts: (HTMLElement | string)[]) => {
    const div = doc.createElement("div");
    div.className = `key-figure ${className}`;
    const dt = doc.createElement("dt");
    dt.textContent = term;
    const dd = doc.createElement("dd");
    parts.forEach((part, i) => dd.append(...(i ? [" ", part] : [part])));
    div.append(dt, dd);
    list.append(div);
  };
  const span = (text: string, className?: string) => {
    const element = doc.createElement(className === "strong" ? "strong" : "span");
    if (className && className !== "strong") element.className = className;
    element.textContent = text;
    return element;
  };
  for (const {flow, texts, massKg} of flows) {
    const shares = [texts.regionShare, texts.franceShare].filter(Boolean).join(", ");
    item(`key-figure-${flow}`, texts.flowLabel, [
      span(texts.total, "strong"),
      ...(massKg === null ? [] : [span(formatTonnes(massKg), "key-figure-mass")]),
      ...(shares ? [span(shares)] : [])
    ]);
  }
  item("key-figure-balance", "Solde", [span(balance, "strong"), ...(balanceNote ? [span(balanceNote, "key-figure-note")] : [])]);
  return list;
}
