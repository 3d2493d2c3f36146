/**
 * "Flux à l'export par produit et par pays" (and the import mirror): a
 * two-column Sankey laid out by d3-sankey. Left and right nodes are the ten
 * main products / countries plus "Autres" (bucketed by the page's query); the
 * five largest flows between named nodes are drawn in red.
 *
 * The same function draws a département (a few M€) and France (hundreds of
 * thousands of M€): d3-sankey scales values to the height, labels are M€.
 */
import {sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode} from "d3-sankey";
import {select} from "d3";
import {formatMillionEuros, formatPercent, UNIT_SPACE} from "./format.js";
import {chartFigure, createSvg, legendElement, resolveDocument} from "./figure.js";
import {COLORS, estimateTextWidth, fitText, flowColor, OTHERS_CODE, wrapText, wrapWhole} from "./palette.js";
import type {Flow} from "../data/canonical.js";

export interface FlowLink {
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  /** Euros. */
  value: number;
}

export interface FlowSankeyOptions {
  width: number;
  height?: number;
  title: string;
  flow: Flow;
  /** How many of the largest named flows are drawn in red (5 in the reference). */
  highlightCount?: number;
  document?: Document;
}

type Side = "left" | "right";
interface NodeDatum {
  id: string;
  code: string;
  name: string;
  side: Side;
}
interface LinkDatum {
  highlight: boolean;
  sourceName: string;
  targetName: string;
}
type LaidNode = SankeyNode<NodeDatum, LinkDatum>;
type LaidLink = SankeyLink<NodeDatum, LinkDatum>;

/**
 * At most 20 named nodes and « Autres » per side: the readers' largest choice
 * (components/view-state.ts SANKEY_SIZES); more would not be readable.
 */
export const MAX_NODES_PER_SIDE = 21;
const NAME_FONT = 11;
const VALUE_FONT = 11;
const LINE = 12.5;
const LABEL_GAP = 6;
const NODE_WIDTH = 14;
/** A name wraps onto this many lines before it is ever cut (every A129 name fits in the wide drawing). */
const MAX_NAME_LINES = 4;
const HEADER_HEIGHT = 22;
/** Room kept between nodes: d3-sankey's padding (labels are placed apart by placeLabels). */
const NODE_PADDING = 28;
/** Between two labels of a side. */
const LABEL_SPACING = 3;

/**
 * Tops of a side's labels: each centred on its node where it can be, moved
 * down just enough not to overlap the one above, then, if the last ones run
 * past `bottom`, moved up from the bottom. Never overlapping, as near their
 * nodes as the room allows.
 */
export function placeLabels(labels: readonly {id: string; centre: number; height: number}[], top: number, bottom: number): Map<string, number> {
  const sorted = [...labels].sort((a, b) => a.centre - b.centre);
  const tops: number[] = [];
  let next = top;
  for (const label of sorted) {
    const y = Math.max(label.centre - label.height / 2, next);
    tops.push(y);
    next = y + label.height + LABEL_SPACING;
  }
  let limit = bottom;
  for (let i = sorted.length - 1; i >= 0; i--) {
    tops[i] = Math.min(tops[i], limit - sorted[i].height);
    limit = tops[i] - LABEL_SPACING;
  }
  return new Map(sorted.map((label, i) => [label.id, tops[i]]));
}

const isOthers = (code: string) => code === OTHERS_CODE;

/** Column headers: what the left and right nodes are. */
function sideHeaders(flow: Flow): Record<Side, string> {
  return flow === "export"
    ? {left: "Produits exportés", right: "Pays de destination"}
    : {left: "Pays d'origine", right: "Produits importés"};
}

/**
 * The keys ("source→target") of the `count` largest links whose two ends are
 * named (not "Autres"). Ties broken by codes, so the choice is deterministic.
 */
export function highlightedLinkKeys(links: readonly FlowLink[], count: number): Set<string> {
  const named = links
    .filter((link) => link.value > 0 && !isOthers(link.source) && !isOthers(link.target))
    .sort((a, b) => b.value - a.value || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return new Set(named.slice(0, count).map(linkKey));
}

function linkKey(link: Pick<FlowLink, "source" | "target">): string {
  return `${link.source}→${link.target}`;
}

function checkSideSizes(links: readonly FlowLink[]): void {
  for (const [side, codes] of [
    ["gauche", new Set(links.map((link) => link.source))],
    ["droite", new Set(links.map((link) => link.target))]
  ] as const) {
    if (codes.size > MAX_NODES_PER_SIDE) {
      throw new Error(
        `Sankey : ${codes.size} nœuds à ${side}, ${MAX_NODES_PER_SIDE} au plus ` +
          `(les principaux + « Autres » doivent être regroupés par la requête).`
      );
    }
  }
}

/** "Autres" last, then by value descending: the reference's reading order. */
function compareNodes(a: LaidNode, b: LaidNode): number {
  return Number(isOthers(a.code)) - Number(isOthers(b.code)) || (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name, "fr");
}

/**
 * A node's name as lines of `room`: whole, wrapped onto up to four lines;
 * only a name longer than that is cut, after a word, with "…".
 */
export function nodeNameLines(name: string, room: number): string[] {
  const whole = wrapWhole(name, room, NAME_FONT, false);
  if (whole && whole.length > 0 && whole.length <= MAX_NAME_LINES) return whole;
  const cut = wrapText(name, room, MAX_NAME_LINES, NAME_FONT);
  return cut.length ? cut : [name];
}

function labelMargin(nodes: readonly NodeDatum[], side: Side, values: Map<string, number>, width: number): number {
  const widest = Math.max(
    0,
    ...nodes
      .filter((node) => node.side === side)
      .map((node) =>
        Math.max(
          estimateTextWidth(node.name, NAME_FONT),
          estimateTextWidth(formatMillionEuros(values.get(node.id) ?? 0), VALUE_FONT)
        )
      )
  );
  // Narrow screens give labels a larger share: names matter more than link curves.
  return Math.min(widest + LABEL_GAP + 4, Math.max(60, width * (width < 560 ? 0.4 : 0.3)));
}

export function flowSankey(links: readonly FlowLink[], options: FlowSankeyOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title, flow, highlightCount = 5} = options;
  const positive = links.filter((link) => link.value > 0);
  checkSideSizes(positive);

  const nodeById = new Map<string, NodeDatum>();
  const nodeValues = new Map<string, number>();
  for (const link of positive) {
    for (const node of [
      {id: `L:${link.source}`, code: link.source, name: link.sourceName, side: "left" as const},
      {id: `R:${link.target}`, code: link.target, name: link.targetName, side: "right" as const}
    ]) {
      nodeById.set(node.id, node);
      nodeValues.set(node.id, (nodeValues.get(node.id) ?? 0) + link.value);
    }
  }
  const nodes = [...nodeById.values()];
  const perSide = Math.max(1, ...(["left", "right"] as const).map((side) => nodes.filter((n) => n.side === side).length));
  const marginLeft = labelMargin(nodes, "left", nodeValues, width);
  const marginRight = labelMargin(nodes, "right", nodeValues, width);
  // Label room beside the nodes (left labels end at the left nodes, right ones start after the right nodes).
  const room = (side: Side) => (side === "left" ? marginLeft : marginRight) - LABEL_GAP - 2;
  const nameLines = new Map(nodes.map((node) => [node.id, nodeNameLines(node.name, room(node.side))]));
  // Labels (name lines and the value line) are moved apart where they would overlap (placeLabels):
  // the drawing is as tall as before unless one side's labels, stacked, need more.
  const labelHeight = (id: string) => LINE * (1 + (nameLines.get(id)?.length ?? 1));
  const stacked = Math.max(...(["left", "right"] as const).map((side) => nodes.filter((n) => n.side === side).reduce((sum, n) => sum + labelHeight(n.id) + LABEL_SPACING, 0)));
  const height = options.height ?? Math.max(260, HEADER_HEIGHT + perSide * 44, HEADER_HEIGHT + 8 + stacked);
  const total = positive.reduce((sum, link) => sum + link.value, 0);
  const highlighted = highlightedLinkKeys(positive, highlightCount);

  const svg = createSvg(document, width, height, title);
  const root = select(svg);

  if (positive.length > 0) {
    const layout = sankey<NodeDatum, LinkDatum>()
      .nodeId((node) => node.id)
      .nodeWidth(NODE_WIDTH)
      .nodePadding(NODE_PADDING)
      .nodeSort(compareNodes)
      .extent([
        // Room above and below for the first and last nodes' labels.
        [marginLeft, HEADER_HEIGHT + 12],
        [width - marginRight, height - 14]
      ]);
    const graph = layout({
      nodes: nodes.map((node) => ({...node})),
      links: positive.map((link) => ({
        source: `L:${link.source}`,
        target: `R:${link.target}`,
        value: link.value,
        sourceName: link.sourceName,
        targetName: link.targetName,
        highlight: highlighted.has(linkKey(link))
      }))
    });
    drawHeaders(root, flow, width);
    drawLinks(root, graph.links);
    const tops = new Map<string, number>();
    for (const side of ["left", "right"] as const) {
      const labels = graph.nodes.filter((node) => node.side === side).map((node) => ({id: node.id, centre: ((node.y0 ?? 0) + (node.y1 ?? 0)) / 2, height: labelHeight(node.id)}));
      for (const [id, top] of placeLabels(labels, HEADER_HEIGHT + 2, height)) tops.set(id, top);
    }
    drawNodes(root, graph.nodes, {flow, total, nameLines, tops});
  } else {
    root
      .append("text")
      .attr("x", width / 2)
      .attr("y", height / 2)
      .attr("text-anchor", "middle")
      .attr("fill", COLORS.mutedText)
      .text("Aucun flux à représenter.");
  }
  return chartFigure(svg, [legend(document, highlighted.size)], {title, document, kind: "sankey"});
}

type Root = ReturnType<typeof select<SVGSVGElement, unknown>>;

/** Above each label column, flush with the chart's edges so they never meet. */
function drawHeaders(root: Root, flow: Flow, width: number): void {
  const headers = sideHeaders(flow);
  const room = width / 2 - 8;
  const g = root.append("g").attr("class", "side-headers").attr("font-size", 12).attr("font-weight", 600).attr("fill", COLORS.text);
  g.append("text").attr("x", 0).attr("y", 14).attr("text-anchor", "start").text(fitText(headers.left, room, 12, 4, true));
  g.append("text").attr("x", width).attr("y", 14).attr("text-anchor", "end").text(fitText(headers.right, room, 12, 4, true));
}

function drawLinks(root: Root, links: LaidLink[]): void {
  // Grey first, red last: highlighted flows stay on top where they cross.
  const ordered = [...links].sort((a, b) => Number(a.highlight) - Number(b.highlight));
  const path = sankeyLinkHorizontal<NodeDatum, LinkDatum>();
  root
    .append("g")
    .attr("class", "links")
    .attr("fill", "none")
    .selectAll("path")
    .data(ordered)
    .join("path")
    .attr("class", "link")
    .attr("d", path)
    .attr("stroke", (link) => (link.highlight ? COLORS.highlight : COLORS.neutral))
    .attr("stroke-opacity", (link) => (link.highlight ? 0.8 : 0.35))
    .attr("stroke-width", (link) => Math.max(1, link.width ?? 0))
    .attr("data-highlight", (link) => String(link.highlight))
    .append("title")
    .text((link) => `${link.sourceName} → ${link.targetName}${UNIT_SPACE}: ${formatMillionEuros(link.value)}`);
}

function drawNodes(
  root: Root,
  nodes: LaidNode[],
  {flow, total, nameLines, tops}: {flow: Flow; total: number; nameLines: ReadonlyMap<string, string[]>; tops: ReadonlyMap<string, number>}
): void {
  const g = root.append("g").attr("class", "nodes");
  const node = g
    .selectAll("g")
    .data(nodes)
    .join("g")
    .attr("class", "node")
    .attr("data-side", (d) => d.side)
    .attr("data-code", (d) => d.code);
  node
    .append("rect")
    .attr("x", (d) => d.x0 ?? 0)
    .attr("y", (d) => d.y0 ?? 0)
    .attr("width", (d) => (d.x1 ?? 0) - (d.x0 ?? 0))
    .attr("height", (d) => Math.max(1, (d.y1 ?? 0) - (d.y0 ?? 0)))
    .attr("fill", flowColor(flow))
    .append("title")
    .text((d) => `${d.name}${UNIT_SPACE}: ${formatMillionEuros(d.value ?? 0)} (${formatPercent((d.value ?? 0) / total, 1)} du total)`);

  // Left labels sit left of their node, right labels right of it: links keep the middle.
  const labelX = (d: LaidNode) => (d.side === "left" ? (d.x0 ?? 0) - LABEL_GAP : (d.x1 ?? 0) + LABEL_GAP);
  const label = node
    .append("text")
    .attr("class", "node-label")
    .attr("x", labelX)
    .attr("text-anchor", (d) => (d.side === "left" ? "end" : "start"))
    .attr("fill", COLORS.text);
  label.each(function (d) {
    const text = select(this);
    const lines = nameLines.get(d.id) ?? [d.name];
    // The block of lines (names, then the value), placed by placeLabels; its first baseline.
    const top = (tops.get(d.id) ?? ((d.y0 ?? 0) + (d.y1 ?? 0)) / 2 - (LINE * (lines.length + 1)) / 2) + NAME_FONT;
    lines.forEach((line, i) => {
      const span = text.append("tspan").attr("class", "node-name").attr("x", labelX(d)).attr("y", top + i * LINE).attr("font-size", NAME_FONT).text(line);
      // The residual reads as a bucket, not as one more product or country.
      if (isOthers(d.code)) span.attr("font-style", "italic");
    });
    text
      .append("tspan")
      .attr("class", "node-value")
      .attr("x", labelX(d))
      .attr("y", top + lines.length * LINE)
      .attr("font-size", VALUE_FONT)
      .attr("fill", COLORS.mutedText)
      .text(formatMillionEuros(d.value ?? 0));
  });
}

/** Reading key: red is explained in words, not left to colour alone. */
function legend(document: Document, highlightedCount: number): HTMLElement {
  const p = legendElement(document, "p");
  const nb = UNIT_SPACE; // French typography: no-break space before ":" ";" and inside « »
  const red = highlightedCount
    ? `En rouge${nb}: les ${highlightedCount} flux les plus importants entre un produit et un pays nommés ` +
      `(hors «${nb}Autres${nb}»)${nb}; en gris, les autres flux. `
    : "";
  p.textContent =
    `${red}L'épaisseur de chaque flux est proportionnelle à sa valeur. ` +
    `En italique, «${nb}Autres produits${nb}» et «${nb}Autres pays${nb}» regroupent tout ce qui n'est pas nommé à part.`;
  return p;
}
