/** Sources, checksums, rows read / kept / rejected with reasons, years found and shown, synthetic or not. */
import {publishPipelineFile} from "./douanes/publish.ts";

await publishPipelineFile("manifestPath");
