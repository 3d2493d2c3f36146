/** Products over 16 quarters (year, quarter, flow, dept, product, value_eur), for trends. Built by the customs pipeline (douanes/pipeline.ts), TRADE_SOURCE chooses the source. */
import {publishPipelineFile} from "./douanes/publish.js";

await publishPipelineFile("productsQuarterlyParquetPath");
