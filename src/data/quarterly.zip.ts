/**
 * Per-territory quarterly slices (16 quarters, products and countries), one
 * Parquet file per département (D10.parquet), région (R44.parquet) and France
 * (FR.parquet), packed in one deterministic zip. A page reads only its own
 * entry, e.g. FileAttachment("../data/quarterly/D10.parquet").href.
 */
import {loadPipeline} from "./douanes/pipeline.js";
import {writeToStdout} from "./parquet-output.js";
import {buildQuarterlySlices} from "./quarterly-slices.js";
import {zipSlices} from "./slices.js";

const {productsQuarterlyParquetPath, countriesQuarterlyParquetPath} = await loadPipeline();
await writeToStdout(zipSlices(await buildQuarterlySlices({productsQuarterlyParquetPath, countriesQuarterlyParquetPath})));
