/**
 * The explorer's SQL editor: a labelled text area, a "Run" button and one
 * button per example query. Works as a Framework view: `value` is the last
 * SQL submitted, and an "input" event fires on each submission (button,
 * example, or Ctrl/Cmd + Enter in the text area).
 * Pure: examples in, element out; `document` injectable; textContent only.
 */
import {resolveDocument} from "./figure.js";

export interface ExampleQuery {
  label: string;
  sql: string;
}

export type SqlEditor = HTMLFormElement & {value: string};

export function sqlEditor(examples: readonly ExampleQuery[], {value = examples[0]?.sql ?? "", document}: {value?: string; document?: Document} = {}): SqlEditor {
  const doc = resolveDocument(document);
  const form = doc.createElement("form") as SqlEditor;
  form.className = "sql-editor";
  form.value = value;

  const exampleBox = doc.createElement("fieldset");
  exampleBox.className = "sql-examples";
  const legend = doc.createElement("legend");
  legend.textContent = "Exemples de requêtes";
  exampleBox.append(legend);

  const label = doc.createElement("label");
  label.htmlFor = "sql-editor-text";
  label.textContent = "Requête SQL (DuckDB)";
  label.style.display = "block";
  label.style.fontWeight = "600";
  const area = doc.createElement("textarea");
  area.id = "sql-editor-text";
  area.name = "sql";
  area.rows = 9;
  area.spellcheck = false;
  area.value = value;
  area.style.width = "100%";
  area.style.fontFamily = "var(--monospace, monospace)";
  area.style.fontSize = "14px";

  const run = doc.createElement("button");
  run.type = "submit";
  run.textContent = "Exécuter la requête";
  const hint = doc.createElement("span");
  hint.className = "sql-hint";
  hint.textContent = " (ou Ctrl + Entrée dans la zone de texte)";
  hint.style.fontSize = "13px";

  const submit = (sql: string) => {
    form.value = sql;
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  for (const example of examples) {
    const button = doc.createElement("button");
    button.type = "button";
    button.textContent = example.label;
    button.style.margin = "0 0.4rem 0.4rem 0";
    button.addEventListener("click", () => {
      area.value = example.sql;
      submit(example.sql);
    });
    exampleBox.append(button);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(area.value);
  });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit(area.value);
    }
  });
  const actions = doc.createElement("p");
  actions.append(run, hint);
  form.append(exampleBox, label, area, actions);
  return form;
}
