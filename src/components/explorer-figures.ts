/**
 * Small building blocks shared by the home, comparison and explorer pages:
 * headline cards ("Exportations 2024 — 580 354,5 M€") and a note banner. Pure,
 * `document` injectable, text set with textContent only.
 */
import {resolveDocument} from "./figure.js";

export interface FigureCard {
  title: string;
  value: string;
  /** A line under the value. */
  note?: string;
  /** Colour of the value (flows keep their chart colours). */
  color?: string;
}

/** A row of cards (Framework's `grid` and `card` classes). */
export function figureCards(cards: readonly FigureCard[], {document, className = ""}: {document?: Document; className?: string} = {}): HTMLElement {
  const doc = resolveDocument(document);
  const grid = doc.createElement("div");
  grid.className = `grid grid-cols-${Math.min(4, Math.max(1, cards.length))} figure-cards ${className}`.trim();
  for (const card of cards) {
    const box = doc.createElement("div");
    box.className = "card";
    const title = doc.createElement("h2");
    title.textContent = card.title;
    title.style.fontSize = "1rem";
    title.style.margin = "0 0 0.3rem";
    const value = doc.createElement("p");
    value.className = "figure-value";
    value.textContent = card.value;
    value.style.fontSize = "1.8rem";
    value.style.fontWeight = "700";
    value.style.margin = "0";
    if (card.color) value.style.color = card.color;
    box.append(title, value);
    if (card.note) {
      const note = doc.createElement("p");
      note.className = "figure-note";
      note.textContent = card.note;
      note.style.margin = "0.2rem 0 0";
      note.style.fontSize = "14px";
      box.append(note);
    }
    grid.append(box);
  }
  return grid;
}

/** A highlighted note: the synthetic-data banner, an error message. */
export function noteBanner(
  parts: readonly {text: string; strong?: boolean}[],
  {document, tone = "warning", role = "note"}: {document?: Document; tone?: "warning" | "error" | "info"; role?: string} = {}
): HTMLElement {
  const doc = resolveDocument(document);
  const p = doc.createElement("p");
  p.className = `note-banner note-${tone}`;
  p.setAttribute("role", role);
  const colors = {warning: ["#c8102e", "#fff4f4"], error: ["#c8102e", "#fff4f4"], info: ["#2a5caa", "#f2f6fc"]}[tone];
  p.style.borderLeft = `4px solid ${colors[0]}`;
  p.style.background = colors[1];
  p.style.color = "#1f2328";
  p.style.padding = "0.4rem 0.75rem";
  p.style.maxWidth = "720px";
  for (const part of parts) {
    const node = part.strong ? doc.createElement("strong") : doc.createElement("span");
    node.textContent = part.text;
    p.append(node);
  }
  return p;
}
