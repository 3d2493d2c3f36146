/**
 * "Principales activités à l'export et à l'import": two treemaps, imports
 * (blue) then exports (violet), as in the balance chart: side by side in a
 * wide drawing, one above the other in a narrow one (a phone), where each
 * block then has the full width for its labels. Within a block, a cell's area
 * is the product's share of that flow; across blocks, areas follow the flows'
 * totals (same width, the larger flow takes the full length), so the overall
 * balance reads at a glance.
 *
 * Every cell is named or listed: a cell shows its whole name (never cut with
 * "…"); one too small for it shows a number, and the key under the chart
 * lists those numbers, and the cells too small even for a number, with name,
 * value and share. Nothing needs a mouse: tooltips only repeat the labels.
 */
import {hierarchy, select, treemap, type HierarchyRectangularNode} from "d3";
import {formatMillionEuros, formatPercent, UNIT_SPACE} from "./format.js";
import {balanceText} from "./key-figures.js";
import {CHART_FONT, chartFigure, createSvg, legendElement, resolveDocument} from "./figure.js";
import {COLORS, estimateTextWidth, fitText, flowColor, flowLabel, OTHERS_CODE, textColorOn, wrapWhole} from "./palette.js";
import type {Flow} from "../data/canonical.js";

export interface ActivityRow {
  flow: Flow;
  product: string;
  productName: string;
  /** Euros. */
  value: number;
}

export interface ActivityTreemapOptions {
  width: number;
  height?: number;
  title: string;
  document?: Document;
}

const FLOWS: readonly Flow[] = ["import", "export"]; // left to right, or top to bottom
const GAP = 16;
const HEADER_FONT = 12.5;
const HEADER_LINE = 16;
const LINE_HEIGHT = 13;
const CELL_PADDING = 4;
/** Below this width the blocks are stacked: side by side, each would be too narrow for names. */
export const STACK_BELOW = 520;
/** A flow tiny beside the other still shows as a visible strip. */
const MIN_BLOCK_LENGTH = 4;

export interface CellLabel {
  /** Lines of the whole product name. */
  name: string[];
  /** Value line ("546,7 M€ · 30,0 %", or a shorter form), or none. */
  value?: string;
}

/**
 * What label a cell of `width`×`height` can hold, judged by an estimate of
 * character widths: the whole name then one value line; nothing when the
 * whole name cannot fit (the cell then gets a number in the key).
 */
export function cellLabel(name: string, value: number, flowTotal: number, width: number, height: number): CellLabel | undefined {
  const innerWidth = width - 2 * CELL_PADDING;
  const maxLines = Math.floor((height - 2 * CELL_PADDING) / LINE_HEIGHT);
  if (maxLines < 1 || innerWidth <= 0) return undefined;
  const nameLines = wrapWhole(name, innerWidth, CHART_FONT);
  if (!nameLines || nameLines.length === 0 || nameLines.length > maxLines) return undefined;
  const money = formatMillionEuros(value);
  const share = formatPercent(flowTotal > 0 ? value / flowTotal : 0, 1);
  const valueLine =
    maxLines > nameLines.length ? [`${money} · ${share}`, money, share].find((text) => estimateTextWidth(text, CHART_FONT) <= innerWidth) : undefined;
  return {name: nameLines, value: valueLine};
}

/** Whether a cell can hold its key number ("12"), drawn bold at the label size. */
export function fitsKeyNumber(key: number, width: number, height: number): boolean {
  return estimateTextWidth(String(key), CHART_FONT, true) + 2 * 3 <= width && CHART_FONT + 2 * 2 <= height;
}

interface Block {
  flow: Flow;
  total: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** "Importations — 1 697,2 M€", on two lines when the block is narrow. */
  header: string[];
  headerHeight: number;
  root: HierarchyRectangularNode<ActivityRow>;
}

function headerLines(flow: Flow, total: number, width: number): string[] {
  const oneLine = `${flowLabel(flow)} — ${formatMillionEuros(total)}`;
  return estimateTextWidth(oneLine, HEADER_FONT, true) <= width ? [oneLine] : [flowLabel(flow), formatMillionEuros(total)];
}

const headerHeightOf = (lines: readonly string[]) => 8 + HEADER_LINE * lines.length;

function treemapOf(rows: readonly ActivityRow[], flow: Flow, width: number, height: number): HierarchyRectangularNode<ActivityRow> {
  const root = hierarchy<ActivityRow>({children: rows.filter((row) => row.flow === flow && row.value > 0)} as never)
    .sum((row) => row.value ?? 0)
    // "Autres produits" last (bottom-right), then largest first: squarify keeps that order.
    .sort((a, b) => Number(a.data.product === OTHERS_CODE) - Number(b.data.product === OTHERS_CODE) || (b.value ?? 0) - (a.value ?? 0));
  return treemap<ActivityRow>().size([width, Math.max(0, height)]).round(false)(root);
}

/** The two blocks, side by side (`stacked` false) or one above the other; the drawing's height. */
function layoutBlocks(rows: readonly ActivityRow[], width: number, height: number, stacked: boolean): {blocks: Block[]; height: number} {
  const totals = FLOWS.map((flow) => sum(rows.filter((row) => row.flow === flow && row.value > 0)));
  const largest = Math.max(...totals);
  const length = (i: number, full: number) => (largest > 0 && totals[i] > 0 ? Math.max(MIN_BLOCK_LENGTH, (full * totals[i]) / largest) : 0);
  if (stacked) {
    const headers = FLOWS.map((flow, i) => headerLines(flow, totals[i], width));
    // `height` is the larger block's; the smaller one is shorter in proportion.
    let y = 0;
    const blocks = FLOWS.map((flow, i) => {
      const headerHeight = headerHeightOf(headers[i]);
      const blockHeight = length(i, height);
      const block = {flow, total: totals[i], x: 0, y, width, height: blockHeight, header: headers[i], headerHeight, root: treemapOf(rows, flow, width, blockHeight)};
      y += headerHeight + Math.max(blockHeight, totals[i] > 0 ? 0 : LINE_HEIGHT + 6) + GAP;
      return block;
    });
    return {blocks, height: Math.ceil(y - GAP)};
  }
  const blockWidth = Math.max(0, (width - GAP) / 2);
  const headers = FLOWS.map((flow, i) => headerLines(flow, totals[i], blockWidth));
  const headerHeight = Math.max(...headers.map(headerHeightOf));
  const blocks = FLOWS.map((flow, i) => {
    const blockHeight = length(i, height - headerHeight);
    return {flow, total: totals[i], x: i * (blockWidth + GAP), y: 0, width: blockWidth, height: blockHeight, header: headers[i], headerHeight, root: treemapOf(rows, flow, blockWidth, blockHeight)};
  });
  return {blocks, height};
}

function sum(rows: readonly ActivityRow[]): number {
  return rows.reduce((total, row) => total + row.value, 0);
}

/** A cell not named in the drawing, as the key lists it. */
export interface KeyEntry {
  flow: Flow;
  /** Its number in the drawing, or none when even a number does not fit. */
  key?: number;
  row: ActivityRow;
}

export function activityTreemap(rows: readonly ActivityRow[], options: ActivityTreemapOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title} = options;
  const stacked = width < STACK_BELOW;
  const blockHeight = options.height ?? Math.round(stacked ? Math.max(220, width * 0.75) : Math.max(260, Math.min(520, width * 0.55)));
  const {blocks, height} = layoutBlocks(rows, width, blockHeight, stacked);
  const svg = createSvg(document, width, height, title);
  const unnamed: KeyEntry[] = [];

  for (const block of blocks) {
    const fill = flowColor(block.flow);
    const textFill = textColorOn(fill);
    const g = select(svg).append("g").attr("class", "block").attr("data-flow", block.flow).attr("transform", `translate(${block.x},${block.y})`);
    const header = g.append("text").attr("class", "block-header").attr("font-size", HEADER_FONT).attr("font-weight", 700).attr("fill", fill);
    block.header.forEach((line, i) => header.append("tspan").attr("x", 0).attr("y", 13 + i * HEADER_LINE).text(line));
    if (block.total <= 0) {
      g.append("text")
        .attr("class", "block-empty")
        .attr("y", block.headerHeight + 14)
        .attr("font-size", CHART_FONT)
        .attr("fill", COLORS.mutedText)
        .text(fitText(`Aucune ${block.flow === "export" ? "exportation" : "importation"} enregistrée.`, block.width, CHART_FONT) || "—");
    }

    const cell = g
      .append("g")
      .attr("transform", `translate(0,${block.headerHeight})`)
      .selectAll("g")
      // An empty flow's root is its own leaf: only real products become cells.
      .data(block.root.leaves().filter((leaf) => leaf.depth > 0))
      .join("g")
      .attr("class", "cell")
      .attr("data-product", (d) => d.data.product)
      .attr("transform", (d) => `translate(${d.x0},${d.y0})`);
    cell
      .append("rect")
      .attr("width", (d) => d.x1 - d.x0)
      .attr("height", (d) => d.y1 - d.y0)
      .attr("fill", fill)
      .attr("stroke", COLORS.cellBorder)
      .attr("stroke-width", 1);
    cell
      .append("title")
      .text(
        (d) =>
          `${d.data.productName}${UNIT_SPACE}: ${formatMillionEuros(d.data.value)} ` +
          `(${formatPercent(block.total > 0 ? d.data.value / block.total : 0, 1)} des ${flowLabel(block.flow).toLowerCase()})`
      );
    cell.each(function (d) {
      const cellWidth = d.x1 - d.x0;
      const cellHeight = d.y1 - d.y0;
      const label = cellLabel(d.data.productName, d.data.value, block.total, cellWidth, cellHeight);
      if (label) return drawLabel(this as SVGGElement, label, textFill);
      const key = unnamed.filter((entry) => entry.key !== undefined).length + 1;
      if (fitsKeyNumber(key, cellWidth, cellHeight)) {
        drawKeyNumber(this as SVGGElement, key, textFill, cellHeight);
        unnamed.push({flow: block.flow, key, row: d.data});
      } else {
        unnamed.push({flow: block.flow, row: d.data});
      }
    });
  }
  const totals = new Map(blocks.map((block) => [block.flow, block.total]));
  const below = [legend(document, blocks, {stacked, keyed: unnamed.length > 0})];
  if (unnamed.length) below.push(keyList(document, unnamed, totals, !stacked));
  return chartFigure(svg, below, {title, document, kind: "treemap"});
}

function drawLabel(cell: SVGGElement, label: CellLabel, fill: string): void {
  const text = select(cell).append("text").attr("class", "cell-label").attr("fill", fill).attr("font-size", CHART_FONT);
  label.name.forEach((line, i) => {
    text
      .append("tspan")
      .attr("x", CELL_PADDING)
      .attr("y", CELL_PADDING + CHART_FONT + i * LINE_HEIGHT - 1)
      .attr("font-weight", 600)
      .text(line);
  });
  if (label.value) {
    text
      .append("tspan")
      .attr("class", "cell-value")
      .attr("x", CELL_PADDING)
      .attr("y", CELL_PADDING + CHART_FONT + label.name.length * LINE_HEIGHT - 1)
      .text(label.value);
  }
}

function drawKeyNumber(cell: SVGGElement, key: number, fill: string, height: number): void {
  select(cell)
    .append("text")
    .attr("class", "cell-key")
    .attr("x", 3)
    .attr("y", Math.min(height - 2, 2 + CHART_FONT))
    .attr("font-size", CHART_FONT)
    .attr("font-weight", 700)
    .attr("fill", fill)
    .text(String(key));
}

/**
 * Under the chart, what the drawing could not name: per flow, each numbered
 * cell with its number, and the cells too small for one, with name, value
 * and share. HTML text: it wraps on a phone and prints. Open in the wide
 * drawing (screens and print); on a phone, one tap away, so that a list of
 * some forty lines does not come between the chart and the rest of the page.
 */
function keyList(document: Document, entries: readonly KeyEntry[], totals: ReadonlyMap<Flow, number>, open: boolean): HTMLElement {
  const details = document.createElement("details");
  details.className = "treemap-key-block";
  details.open = open;
  const summary = document.createElement("summary");
  summary.style.fontSize = "0.85em";
  summary.textContent = `Les ${entries.length} rectangles trop petits pour leur nom${UNIT_SPACE}: numéros, noms et valeurs`;
  const key = legendElement(document, "div");
  key.classList.add("treemap-key");
  key.style.display = "grid";
  key.style.gridTemplateColumns = "repeat(auto-fit, minmax(16rem, 1fr))";
  key.style.gap = "0 1.5rem";
  for (const flow of FLOWS) {
    const own = entries.filter((entry) => entry.flow === flow);
    if (own.length === 0) continue;
    const section = document.createElement("div");
    section.dataset.flow = flow;
    const heading = document.createElement("p");
    heading.style.margin = "0.3rem 0 0.1rem";
    heading.style.fontWeight = "600";
    heading.textContent = flowLabel(flow);
    const list = document.createElement("ul");
    list.style.listStyle = "none";
    list.style.margin = "0";
    list.style.padding = "0";
    const total = totals.get(flow) ?? 0;
    for (const {key: number, row} of own) {
      const item = document.createElement("li");
      item.style.margin = "0";
      const mark = document.createElement("strong");
      mark.className = "key-number";
      mark.style.display = "inline-block";
      mark.style.minWidth = "1.6em";
      // No number: the cell is too small even for one; a bullet says it is listed all the same.
      mark.textContent = number === undefined ? "•" : String(number);
      item.append(mark, document.createTextNode(` ${row.productName} — ${formatMillionEuros(row.value)} · ${formatPercent(total > 0 ? row.value / total : 0, 1)}`));
      list.append(item);
    }
    section.append(heading, list);
    key.append(section);
  }
  details.append(summary, key);
  return details;
}

/** Reading key, and the balance in words and signs. */
function legend(document: Document, blocks: readonly Block[], {stacked, keyed}: {stacked: boolean; keyed: boolean}): HTMLElement {
  const total = (flow: Flow) => blocks.find((block) => block.flow === flow)?.total ?? 0;
  const nb = UNIT_SPACE;
  const hasOthers = blocks.some((block) => block.root.leaves().some((leaf) => leaf.depth > 0 && leaf.data.product === OTHERS_CODE));
  const p = legendElement(document, "p");
  p.textContent =
    `${stacked ? "En haut" : "À gauche"} en bleu, les importations${nb}; ${stacked ? "en bas" : "à droite"} en violet, les exportations. ` +
    `La surface de chaque rectangle est proportionnelle au poids du produit dans son flux, ` +
    `celle de chaque bloc au total du flux. ` +
    (hasOthers ? `«${nb}Autres produits${nb}» regroupe tous les produits qui ne figurent pas à part. ` : "") +
    (keyed ? `Un rectangle trop petit pour son nom porte un numéro, repris sous le graphique avec sa valeur. ` : "") +
    `Solde commercial${nb}: ${balanceText(total("export") - total("import"))}.`;
  return p;
}
