/**
 * Every territory's rows to take away, as CSV and Parquet (src/data/downloads.ts),
 * in one deterministic zip; a page links its own pair, e.g.
 * <a href="../data/downloads/D10.csv" download> ("D10-demonstration.csv" on the
 * demo's data), which Framework extracts.
 */
import {loadPipeline} from "./douanes/pipeline.js";
import {buildDownloads} from "../factsheet/downloads.js";
import {writeToStdout} from "./parquet-output.js";
import {zipSlices} from "./slices.js";

const pipeline = await loadPipeline();
await writeToStdout(zipSlices(await buildDownloads(pipeline, {synthetic: pipeline.manifest.synthetic})));
