/**
 * The map's tooltip, for every way of pointing: a visible box with the
 * département's name and figure when the mouse is over it, when the keyboard
 * focuses it, and on a phone when it is tapped — a first tap shows the box,
 * a second tap on the same département opens its page (the browser's own
 * tooltip, the <title>, never shows on touch nor on focus).
 *
 * The text is the one the map wrote at build time (./france-map.ts,
 * describeDepartement): « Aube (10) — Exportations 2024 : 1 822 M€ ». Light
 * on purpose (no chart library): the home page's script imports it.
 */

const TIP_STYLE = [
  "position: absolute",
  "z-index: 2",
  "max-width: 16rem",
  "padding: 0.35rem 0.55rem",
  "border: 1px solid #57606a",
  "border-radius: 4px",
  "background: #ffffff",
  "color: #1f2328",
  "font: 13px/1.35 system-ui, sans-serif",
  "box-shadow: 0 2px 6px rgba(0, 0, 0, 0.2)",
  "pointer-events: none"
].join("; ");
const TOUCH_HINT = "Touchez à nouveau pour ouvrir la fiche.";
const GAP = 8;

/** The words of a département's link: its name and its figure, as written into the map. */
function tipText(link: Element): string {
  return link.getAttribute("data-tip") ?? "";
}

/**
 * Moves each link's <title> into `data-tip` (so that the browser's tooltip
 * does not double the box), keeping its accessible name: a link without an
 * aria-label (an overseas tile, named by its <title>) gets it as its
 * aria-label, which starts with the tile's visible code.
 */
function takeTitles(map: Element): HTMLAnchorElement[] {
  const links = [...map.querySelectorAll<HTMLAnchorElement>("svg a[data-code]")];
  for (const link of links) {
    const title = link.querySelector(":scope > title");
    if (!title) continue;
    const text = title.textContent ?? "";
    link.setAttribute("data-tip", text);
    if (!link.hasAttribute("aria-label")) link.setAttribute("aria-label", text);
    title.remove();
  }
  return links;
}

/** Makes the map in `container` show its tooltip box on hover, focus and tap. Does nothing twice. */
export function enableMapTooltip(container: HTMLElement, doc: Document = document): void {
  if (container.querySelector(".map-tip")) return;
  const links = takeTitles(container);
  if (links.length === 0) return;
  container.style.position = "relative";
  const tip = doc.createElement("div");
  tip.className = "map-tip";
  // The link's accessible name already says it all: the box is for the eyes.
  tip.setAttribute("aria-hidden", "true");
  tip.setAttribute("style", TIP_STYLE);
  tip.hidden = true;
  container.append(tip);

  let shown: Element | null = null;
  let lastPointer = "mouse";

  const show = (link: Element, touch: boolean) => {
    const [name, figure] = tipText(link).split(" — ");
    const strong = doc.createElement("strong");
    strong.textContent = name;
    const lines: Node[] = [strong];
    if (figure) lines.push(doc.createElement("br"), doc.createTextNode(figure));
    if (touch) {
      const hint = doc.createElement("span");
      hint.style.display = "block";
      hint.style.color = "#57606a";
      hint.textContent = TOUCH_HINT;
      lines.push(hint);
    }
    tip.replaceChildren(...lines);
    tip.hidden = false;
    shown = link;
    place(link);
  };
  const hide = () => {
    tip.hidden = true;
    shown = null;
  };
  // Above the département, centred on it and kept inside the map; below it when there is no room above.
  const place = (link: Element) => {
    const box = container.getBoundingClientRect();
    const target = link.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(0, Math.min(box.width - width, target.left - box.left + target.width / 2 - width / 2));
    const above = target.top - box.top - height - GAP;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(above >= 0 ? above : target.bottom - box.top + GAP)}px`;
  };
  const linkOf = (event: Event) => (event.target instanceof Element ? event.target.closest("svg a[data-code]") : null);

  container.addEventListener("pointerdown", (event) => {
    lastPointer = (event as PointerEvent).pointerType || "mouse";
  });
  // Keys after a tap: the next focus comes from the keyboard.
  container.addEventListener("keydown", () => {
    lastPointer = "keyboard";
  });
  container.addEventListener("pointerover", (event) => {
    const link = linkOf(event);
    if (link && (event as PointerEvent).pointerType !== "touch") show(link, false);
  });
  container.addEventListener("pointerleave", (event) => {
    if ((event as PointerEvent).pointerType !== "touch") hide();
  });
  container.addEventListener("focusin", (event) => {
    const link = linkOf(event);
    // A tap focuses the link before its click: the click decides (first tap shows, second opens).
    if (link && link !== shown && lastPointer !== "touch") show(link, false);
  });
  container.addEventListener("focusout", (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (!(next instanceof Element && container.contains(next))) hide();
  });
  container.addEventListener("click", (event) => {
    const link = linkOf(event);
    if (!link || lastPointer !== "touch") return;
    // A first tap shows the figure; a second tap on the same département follows the link.
    if (shown !== link || tip.hidden) {
      event.preventDefault();
      show(link, true);
    }
  });
  container.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape") hide();
  });
  // A tap elsewhere on the page closes the box.
  doc.addEventListener("pointerdown", (event) => {
    if (!(event.target instanceof Node && container.contains(event.target))) hide();
  });
}
