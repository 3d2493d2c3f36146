/**
 * The pipeline runs ONCE per source even though several loaders need it:
 * outputs are memoised in `.cache/pipeline/<key>/`, where the key hashes the
 * input files' checksums, the parser version, the settings and all the code the
 * pipeline runs (`codeHash`, src/data/code-hash.ts: its import closure and the
 * locked library versions). Each loader then copies one file from there.
 */
import {mkdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {codeHash} from "../code-hash.js";
import {sha256} from "./checksum.js";
import type {Manifest} from "./manifest.js";
import {cacheRoot} from "./paths.js";
import {describeAccounting} from "./rejections.js";
import {requestedYear} from "./complete-years.js";
import {OUTPUT_FILES, PARSER_VERSION, runPipeline, type RunOptions} from "./run-pipeline.js";
import {resolveSource, sourceSettings, type SourcePlan} from "./source.js";
import {printError} from "./terminal.js";
import {removeTemporary, trackTemporary} from "./temporary.js";

export interface PipelineOutputs {
  tradeParquetPath: string;
  productsParquetPath: string;
  countriesParquetPath: string;
  productsQuarterlyParquetPath: string;
  countriesQuarterlyParquetPath: string;
  manifestPath: string;
  manifest: Manifest;
}

/** The modules that make the pipeline's outputs: this one (its import closure holds the readers, the reference tables, the geography, the canonical schema) and the demo generator, which demo-source.ts loads by path. */
export const PIPELINE_CODE = ["src/data/douanes/pipeline.ts", "src/data/demo/index.ts"] as const;

export async function pipelineKey(plan: SourcePlan, options: RunOptions = {}): Promise<string> {
  const inputs = plan.inputs.map((input) => [input.name, input.sha256]);
  return sha256(JSON.stringify({parser: PARSER_VERSION, code: await codeHash(PIPELINE_CODE), mode: plan.mode, synthetic: plan.synthetic, allowGaps: plan.allowGaps ?? false, inputs, year: options.year ?? null})).slice(0, 20);
}

function outputsIn(folder: string, manifest: Manifest): PipelineOutputs {
  return {
    tradeParquetPath: join(folder, OUTPUT_FILES.trade),
    productsParquetPath: join(folder, OUTPUT_FILES.products),
    countriesParquetPath: join(folder, OUTPUT_FILES.countries),
    productsQuarterlyParquetPath: join(folder, OUTPUT_FILES.productsQuarterly),
    countriesQuarterlyParquetPath: join(folder, OUTPUT_FILES.countriesQuarterly),
    manifestPath: join(folder, OUTPUT_FILES.manifest),
    manifest
  };
}

function report(manifest: Manifest, fromCache: boolean): void {
  const head = `[douanes] source : ${manifest.source.description}${manifest.synthetic ? " — DONNÉES SYNTHÉTIQUES" : ""}${fromCache ? " (résultat en cache)" : ""}`;
  const accounting = manifest.layout === "bulk"
    ? [
      `[douanes] disposition : « Bases complètes » (fichiers en vrac, euros et kg)`,
      ...manifest.files.flatMap((file) => file.entries.filter((e) => e.columnOrder).map((e) =>
        `[douanes]   ${file.name === e.name ? e.name : `${file.name}/${e.name}`} : colonnes ${e.columnOrder === "a129-cpf4" ? "A129 puis CPF4" : "CPF4 puis A129"} ` +
        `(${e.columnOrder === "a129-cpf4" ? e.orderSample?.a129First : e.orderSample?.cpf4First}/${e.orderSample?.sampled} lignes de l'échantillon), ` +
        `série ${e.series === "rolling" ? "glissante" : "annuelle"}, ${e.rows?.read} lues = ${e.rows?.kept} gardées + ${e.rows?.rejected} rejetées`)),
      describeAccounting("[douanes] lignes", manifest.rows.total).replace("valeurs lues", "lignes lues"),
      `[douanes] libellés : ${manifest.labels.map((l) => `${l.kind} ← ${l.source}${l.encoding ? ` (${l.encoding})` : ""}`).join(" ; ")}`
    ]
    : [
      `[douanes] disposition : zips régionaux (classeurs .xls, k€)`,
      describeAccounting("[douanes] fichiers croisés Pays × Produits", manifest.rows.crossed),
      describeAccounting("[douanes] fichiers produits (16 trimestres)", manifest.rows.productsQuarterly),
      describeAccounting("[douanes] fichiers pays (16 trimestres)", manifest.rows.countriesQuarterly)
    ];
  const lines = [
    head,
    ...accounting,
    `[douanes] années complètes : ${manifest.years.completeYears.join(", ")} ; année montrée : ${manifest.shownYear}`,
    ...manifest.warnings.slice(0, 20).map((w) => `[douanes] avertissement : ${w}`),
    manifest.warnings.length > 20 ? `[douanes] … et ${manifest.warnings.length - 20} autres avertissements (voir manifest.json)` : ""
  ];
  printError(lines.filter(Boolean).join("\n"));
}

/** Runs (or reuses) the pipeline for a source plan, outputs in `<cache>/pipeline/<key>/`. */
export async function pipelineFor(plan: SourcePlan, env: NodeJS.ProcessEnv = process.env): Promise<PipelineOutputs> {
  const options: RunOptions = {year: requestedYear(env)};
  const folder = join(cacheRoot(env), "pipeline", await pipelineKey(plan, options));
  const manifestPath = join(folder, OUTPUT_FILES.manifest);
  if (await stat(manifestPath).then(() => true, () => false)) {
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
    report(manifest, true);
    return outputsIn(folder, manifest);
  }
  const partial = `${folder}.part-${process.pid}-${Date.now()}`;
  trackTemporary(partial);
  await mkdir(partial, {recursive: true});
  try {
    const manifest = await runPipeline(plan, partial, options);
    await rm(folder, {recursive: true, force: true});
    await rename(partial, folder);
    report(manifest, false);
    return outputsIn(folder, manifest);
  } finally {
    await removeTemporary(partial);
  }
}

const currentPipelinePath = (env: NodeJS.ProcessEnv) => join(cacheRoot(env), "site", "pipeline.json");

/**
 * Records the outputs the prepare step made as the current build's, so that
 * each loader process finds them without resolving the source again (with
 * `auto`, that would probe the customs' site and warn once per loader).
 */
export async function publishCurrentPipeline(outputs: PipelineOutputs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await mkdir(dirname(currentPipelinePath(env)), {recursive: true});
  const partial = `${currentPipelinePath(env)}.${process.pid}.part`;
  await writeFile(partial, JSON.stringify({settings: sourceSettings(env), folder: dirname(outputs.manifestPath)}));
  await rename(partial, currentPipelinePath(env));
}

async function currentPipeline(env: NodeJS.ProcessEnv): Promise<PipelineOutputs | null> {
  try {
    const {settings, folder} = JSON.parse(await readFile(currentPipelinePath(env), "utf8")) as {settings: string; folder: string};
    if (settings !== sourceSettings(env)) return null;
    return outputsIn(folder, JSON.parse(await readFile(join(folder, OUTPUT_FILES.manifest), "utf8")) as Manifest);
  } catch {
    return null;
  }
}

/**
 * The source chosen by TRADE_SOURCE, parsed once, with every published file's
 * path: the current build's outputs when the prepare step recorded them for
 * the same settings, else resolved and run (or read from the memo).
 */
export async function loadPipeline(env: NodeJS.ProcessEnv = process.env): Promise<PipelineOutputs> {
  return (await currentPipeline(env)) ?? resolvePipeline(env);
}

/** The source resolved now (its files listed, downloaded or probed), then run or read from the memo: what the prepare step does. */
export async function resolvePipeline(env: NodeJS.ProcessEnv = process.env): Promise<PipelineOutputs> {
  return pipelineFor(await resolveSource(env), env);
}
