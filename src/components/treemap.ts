/**
 * "Principales activités à l'export et à l'import": two treemaps side by side,
 * imports (blue) left, exports (violet) right, as in the balance chart.
 * Within a block, a cell's area is the product's share of that flow; across
 * blocks, areas follow the flows' totals (same width, the larger flow fills
 * the height), so the overall balance reads at a glance.
 */
import {hierarchy, select, treemap, type HierarchyRectangularNode} from "d3";
import {formatMillionEuros, formatPercent, UNIT_SPACE} from "./format.js";
import {balanceText} from "./key-figures.js";
import {chartFigure, createSvg, legendElement, resolveDocument} from "./figure.js";
import {
  COLORS,
  estimateTextWidth,
  fitText,
  flowColor,
  flowLabel,
  OTHERS_CODE,
  textColorOn,
  type Flow,
  wrapText
} from "./palette.js";

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

const FLOWS: readonly Flow[] = ["import", "export"]; // left to right
const GAP = 16;
const HEADER_FONT = 12.5;
const HEADER_LINE = 16;
const FONT = 11;
const LINE_HEIGHT = 13;
const CELL_PADDING = 4;

export interface CellLabel {
  /** Lines of the product name, possibly ending with "…". */
  name: string[];
  /** Value line ("546,7 M€ · 30,0 %", or a shorter form), or none. */
  value?: string;
}

/**
 * What label a cell of `width`×`height` can hold, judged by an estimate of
 * character widths: name lines then one value line; nothing when the name
 * cannot fit, so a label is never clipped mid-word.
 */
export function cellLabel(name: string, value: number, flowTotal: number, width: number, height: number): CellLabel | undefined {
  const innerWidth = width - 2 * CELL_PADDING;
  const maxLines = Math.floor((height - 2 * CELL_PADDING) / LINE_HEIGHT);
  if (maxLines < 1 || innerWidth <= 0) return undefined;
  const money = formatMillionEuros(value);
  const share = formatPercent(flowTotal > 0 ? value / flowTotal : 0, 1);
  const valueLine =
    maxLines >= 2 ? [`${money} · ${share}`, money, share].find((text) => estimateTextWidth(text, FONT) <= innerWidth) : undefined;
  const nameLines = wrapText(name, innerWidth, valueLine ? maxLines - 1 : maxLines, FONT);
  if (nameLines.length === 0) return undefined;
  return {name: nameLines, value: valueLine};
}

interface Block {
  flow: Flow;
  total: number;
  x: number;
  width: number;
  height: number;
  /** "Importations — 1 697,2 M€", on two lines when the block is narrow. */
  header: string[];
  root: HierarchyRectangularNode<ActivityRow>;
}

function headerLines(flow: Flow, total: number, width: number): string[] {
  const oneLine = `${flowLabel(flow)} — ${formatMillionEuros(total)}`;
  return estimateTextWidth(oneLine, HEADER_FONT, true) <= width ? [oneLine] : [flowLabel(flow), formatMillionEuros(total)];
}

function layoutBlocks(rows: readonly ActivityRow[], width: number, height: number): {blocks: Block[]; headerHeight: number} {
  const blockWidth = Math.max(0, (width - GAP) / 2);
  const totals = FLOWS.map((flow) => sum(rows.filter((row) => row.flow === flow && row.value > 0)));
  const headers = FLOWS.map((flow, i) => headerLines(flow, totals[i], blockWidth));
  const headerHeight = 8 + HEADER_LINE * Math.max(...headers.map((lines) => lines.length));
  const largest = Math.max(...totals);
  const fullHeight = height - headerHeight;
  const blocks = FLOWS.map((flow, i) => {
    const blockHeight = largest > 0 ? (fullHeight * totals[i]) / largest : 0;
    const root = hierarchy<ActivityRow>({children: rows.filter((row) => row.flow === flow && row.value > 0)} as never)
      .sum((row) => row.value ?? 0)
      // "Autres" last (bottom-right), then largest first: squarify keeps that order.
      .sort((a, b) => Number(a.data.product === OTHERS_CODE) - Number(b.data.product === OTHERS_CODE) || (b.value ?? 0) - (a.value ?? 0));
    return {
      flow,
      total: totals[i],
      x: i * (blockWidth + GAP),
      width: blockWidth,
      height: blockHeight,
      header: headers[i],
      root: treemap<ActivityRow>().size([blockWidth, Math.max(0, blockHeight)]).round(false)(root)
    };
  });
  return {blocks, headerHeight};
}

function sum(rows: readonly ActivityRow[]): number {
  return rows.reduce((total, row) => total + row.value, 0);
}

export function activityTreemap(rows: readonly ActivityRow[], options: ActivityTreemapOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title} = options;
  const height = options.height ?? Math.round(Math.max(260, Math.min(520, width * 0.55)));
  const svg = createSvg(document, width, height, title);
  const {blocks, headerHeight} = layoutBlocks(rows, width, height);

  for (const block of blocks) {
    const fill = flowColor(block.flow);
    const textFill = textColorOn(fill);
    const g = select(svg).append("g").attr("class", "block").attr("data-flow", block.flow).attr("transform", `translate(${block.x},0)`);
    const header = g.append("text").attr("class", "block-header").attr("font-size", HEADER_FONT).attr("font-weight", 700).attr("fill", fill);
    block.header.forEach((line, i) => header.append("tspan").attr("x", 0).attr("y", 13 + i * HEADER_LINE).text(line));
    if (block.total <= 0) {
      g.append("text")
        .attr("class", "block-empty")
        .attr("y", headerHeight + 14)
        .attr("font-size", FONT)
        .attr("fill", COLORS.mutedText)
        .text(fitText(`Aucune ${block.flow === "export" ? "exportation" : "importation"} enregistrée.`, block.width, FONT) || "—");
    }

    const cell = g
      .append("g")
      .attr("transform", `translate(0,${headerHeight})`)
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
      const label = cellLabel(d.data.productName, d.data.value, block.total, d.x1 - d.x0, d.y1 - d.y0);
      if (label) drawLabel(this as SVGGElement, label, textFill);
    });
  }
  return chartFigure(svg, [legend(document, blocks)], {title, document, kind: "treemap"});
}

function drawLabel(cell: SVGGElement, label: CellLabel, fill: string): void {
  const text = select(cell).append("text").attr("class", "cell-label").attr("fill", fill).attr("font-size", FONT);
  label.name.forEach((line, i) => {
    text
      .append("tspan")
      .attr("x", CELL_PADDING)
      .attr("y", CELL_PADDING + FONT + i * LINE_HEIGHT - 1)
      .attr("font-weight", 600)
      .text(line);
  });
  if (label.value) {
    text
      .append("tspan")
      .attr("class", "cell-value")
      .attr("x", CELL_PADDING)
      .attr("y", CELL_PADDING + FONT + label.name.length * LINE_HEIGHT - 1)
      .text(label.value);
  }
}

/** Reading key, and the balance in words and signs. */
function legend(document: Document, blocks: readonly Block[]): HTMLElement {
  const total = (flow: Flow) => blocks.find((block) => block.flow === flow)?.total ?? 0;
  const nb = UNIT_SPACE;
  const p = legendElement(document, "p");
  p.textContent =
    `À gauche en bleu, les importations${nb}; à droite en violet, les exportations. ` +
    `La surface de chaque rectangle est proportionnelle au poids du produit dans son flux, ` +
    `celle de chaque bloc au total du flux. Solde commercial${nb}: ${balanceText(total("export") - total("import"))}.`;
  return p;
}
