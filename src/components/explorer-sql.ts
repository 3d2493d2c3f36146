/**
 * The explorer's read-only guard and its French error messages.
 *
 * The explorer runs the reader's SQL on the page's own DuckDB-WASM database
 * (in the reader's browser, over public data). The guard is a courtesy, not a
 * security boundary: it keeps the page to reading the loaded tables — one
 * statement, starting with a reading word (SELECT, WITH, FROM, DESCRIBE…),
 * and none of the words that would write, change settings, load extensions or
 * read files and URLs.
 */

/**
 * Run once the published tables are loaded: from then on the database itself
 * refuses to read or write any file or URL (COPY, ATTACH, read_csv…), and
 * refuses to change that setting again. This is the boundary the guard below
 * only anticipates with friendlier messages.
 */
export const LOCKDOWN_STATEMENTS = ["SET enable_external_access = false", "SET lock_configuration = true"] as const;

/** Words a reading statement starts with (DuckDB also reads `FROM trade …`, `VALUES …`, `TABLE trade`, `PIVOT …`). */
export const ALLOWED_FIRST_WORDS = ["SELECT", "WITH", "FROM", "VALUES", "TABLE", "PIVOT", "UNPIVOT", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN"] as const;

/** The reading statements whose rows can be wrapped in a LIMIT (the others answer with a few rows). */
const QUERY_FIRST_WORDS = new Set(["SELECT", "WITH", "FROM", "VALUES", "TABLE", "PIVOT", "UNPIVOT"]);

/** Words refused anywhere outside string literals and comments. */
export const FORBIDDEN_WORDS = [
  "COPY", "ATTACH", "DETACH", "INSTALL", "LOAD", "PRAGMA", "SET", "RESET", "EXPORT", "IMPORT",
  "CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "CALL", "USE", "CHECKPOINT", "VACUUM", "MERGE"
] as const;

/**
 * Statements DuckDB knows that are not reads: as a first word they are refused
 * as writes; any other first word is a typo, reported as a syntax error.
 */
const OTHER_STATEMENT_WORDS = [
  "BEGIN", "START", "COMMIT", "ROLLBACK", "ABORT", "END", "PREPARE", "EXECUTE", "DEALLOCATE",
  "COMMENT", "ANALYZE", "REPLACE", "UPSERT", "FORCE", "GRANT", "REVOKE"
] as const;

/** Functions that read files or URLs. */
const FILE_FUNCTIONS = /\b(read_\w+|parquet_\w+|glob|sniff_csv|iceberg_\w+|delta_scan|json_\w*scan|query_table)\s*\(/i;

/** A refusal is either a syntax error (a typo, an unclosed quote) or a statement the explorer does not run. */
export type GuardResult = {ok: true; sql: string} | {ok: false; kind: "syntax" | "refused"; message: string};

/**
 * The SQL with string literals, quoted identifiers and comments blanked out
 * (same length), so keyword checks ignore what is inside them. Unterminated
 * literals or comments are reported.
 */
export function maskSql(sql: string): {masked: string; error?: string} {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end === -1) return {masked: out, error: "Commentaire /* … */ non fermé."};
      out += " ".repeat(end + 2 - i);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return {masked: out, error: c === "'" ? "Chaîne de caractères '…' non fermée." : 'Identifiant "…" non fermé.'};
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      // Keep the quote characters: "FROM 'file.csv'" must stay recognisable.
      out += c + " ".repeat(j - i - 1) + c;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return {masked: out};
}

/** Accepts one read-only statement; returns it without its trailing semicolons, or a French refusal. */
export function checkReadOnlySql(sql: string): GuardResult {
  const {masked, error} = maskSql(sql);
  if (error) return {ok: false, kind: "syntax", message: `Requête incomplète : ${error}`};
  const trimmed = masked.replace(/[\s;]+$/u, "");
  if (!trimmed.trim()) return {ok: false, kind: "refused", message: "La requête est vide : écrivez une instruction SELECT, ou choisissez un exemple."};
  if (trimmed.includes(";")) {
    return {ok: false, kind: "refused", message: "Une seule instruction à la fois : retirez le point-virgule qui sépare plusieurs instructions."};
  }
  const first = firstWord(trimmed);
  if (!first || !(ALLOWED_FIRST_WORDS as readonly string[]).includes(first)) {
    const isStatement = first && ((FORBIDDEN_WORDS as readonly string[]).includes(first) || (OTHER_STATEMENT_WORDS as readonly string[]).includes(first));
    if (isStatement) {
      return {
        ok: false,
        kind: "refused",
        message: `Instruction refusée (« ${first} ») : l'explorateur est en lecture seule, la requête doit commencer par ${ALLOWED_FIRST_WORDS.join(", ")}.`
      };
    }
    return {ok: false, kind: "syntax", message: unknownStartMessage(first, trimmed)};
  }
  const words = new Set((trimmed.match(/[A-Za-z_]+/g) ?? []).map((w) => w.toUpperCase()));
  const forbidden = FORBIDDEN_WORDS.find((word) => words.has(word));
  if (forbidden) {
    return {ok: false, kind: "refused", message: `Mot-clé refusé : « ${forbidden} ». L'explorateur lit seulement les tables chargées ; il n'écrit rien, ne change aucun réglage et ne charge aucune extension.`};
  }
  const fileFunction = FILE_FUNCTIONS.exec(trimmed);
  if (fileFunction) {
    return {ok: false, kind: "refused", message: `Fonction refusée : « ${fileFunction[1]} ». L'explorateur ne lit pas de fichiers ni d'adresses : interrogez les tables chargées (trade, products, countries, territories, overview).`};
  }
  if (/\b(FROM|JOIN)\s*'/i.test(trimmed)) {
    return {ok: false, kind: "refused", message: "Lecture de fichier refusée : « FROM '…' » lirait un fichier ou une adresse. Interrogez les tables chargées par leur nom."};
  }
  return {ok: true, sql: sql.slice(0, trimmed.length)};
}

/** The statement's first word, upper-cased (opening parentheses skipped), or undefined when it starts with something else. */
function firstWord(masked: string): string | undefined {
  return /^[\s(]*([A-Za-z]+)\b/u.exec(masked)?.[1]?.toUpperCase();
}

/** A syntax error for a statement that starts with no known word, with the nearest reading word when one is close. */
function unknownStartMessage(first: string | undefined, masked: string): string {
  const start = first ?? masked.trim().split(/\s+/u)[0].slice(0, 20);
  const guess = first ? nearestWord(first, ALLOWED_FIRST_WORDS) : undefined;
  return (
    `« ${start} » n'est pas le début d'une instruction SQL` +
    (guess ? ` ; vouliez-vous écrire « ${guess} » ?` : ".") +
    ` Une requête commence par ${ALLOWED_FIRST_WORDS.join(", ")}.`
  );
}

/** The candidate within two edits of `word` (typos: a letter missing, added, swapped or wrong), or undefined. */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: {candidate: string; distance: number} | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toUpperCase(), candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = {candidate, distance};
  }
  return best?.candidate;
}

/** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The most rows the page asks DuckDB for (one more, to know when the result was cut). */
export const MAX_ROWS = 5000;

/** A query (SELECT, WITH, FROM…) wrapped to return at most `limit` rows; DESCRIBE, SHOW… as they are. */
export function limitRows(sql: string, limit = MAX_ROWS + 1): string {
  const first = firstWord(maskSql(sql).masked);
  if (first && QUERY_FIRST_WORDS.has(first)) return `SELECT * FROM (\n${sql}\n) AS resultat LIMIT ${Math.max(1, Math.floor(limit))}`;
  return sql;
}

/** DuckDB's English error, with a French explanation in front. */
export function explainError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const hints: [RegExp, string][] = [
    [/^Parser Error/i, "Erreur de syntaxe SQL"],
    [/^Catalog Error/i, "Table, colonne ou fonction inconnue"],
    [/^Binder Error/i, "Colonne ou fonction inconnue ou mal employée"],
    [/^Conversion Error/i, "Conversion de type impossible"],
    [/^Invalid Input Error/i, "Valeur invalide"],
    [/^Out of Memory Error/i, "Mémoire insuffisante : ajoutez des filtres ou une agrégation"],
    [/^Interrupt/i, "Requête interrompue"]
  ];
  const hint = hints.find(([pattern]) => pattern.test(raw))?.[1] ?? "Erreur à l'exécution";
  return `${hint}. Message de DuckDB : ${raw}`;
}
