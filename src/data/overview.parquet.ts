/**
 * One row per territory (D10, R44, FR) and complete year: exports, imports,
 * balance, share of exports to the United States, top-3 partner shares and
 * Herfindahl–Hirschman indices (see ./overview.ts). Read by the home page, the
 * comparison page and the explorer.
 */
import {loadPipeline} from "./douanes/pipeline.js";
import {buildOverview} from "./overview.js";
import {writeToStdout} from "./parquet-output.js";

const {tradeParquetPath} = await loadPipeline();
await writeToStdout(await buildOverview(tradeParquetPath));
