/** Partner countries (code, name) in French. Built by the customs pipeline (douanes/pipeline.ts), TRADE_SOURCE chooses the source. */
import {publishPipelineFile} from "./douanes/publish.js";

await publishPipelineFile("countriesParquetPath");
