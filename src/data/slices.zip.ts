/**
 * Per-territory slices of the canonical table, one Parquet file per
 * département (D10.parquet), région (R44.parquet) and France (FR.parquet),
 * packed in one deterministic zip. A page reads only its own entries, e.g.
 * FileAttachment("../data/slices/D10.parquet"), which Framework extracts.
 */
import {loadPipeline} from "./douanes/pipeline.js";
import {writeToStdout} from "./parquet-output.js";
import {buildSlices, zipSlices} from "./slices.js";

const {tradeParquetPath} = await loadPipeline();
await writeToStdout(zipSlices(await buildSlices(tradeParquetPath)));
