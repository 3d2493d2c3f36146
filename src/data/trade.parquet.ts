/** The canonical fact table (see ../canonical.ts), one département's rows contiguous. Built by the customs pipeline (douanes/pipeline.ts), TRADE_SOURCE chooses the source. */
import {publishPipelineFile} from "./douanes/publish.js";

await publishPipelineFile("tradeParquetPath");
