/** What the data loaders share: copy one memoised pipeline output to stdout (a refusal: its message, exit 1). */
import {readFile} from "node:fs/promises";
import {writeToStdout} from "../parquet-output.js";
import {loadPipeline, type PipelineOutputs} from "./pipeline.js";
import {runScript} from "./terminal.js";

type PathKey = {[K in keyof PipelineOutputs]: PipelineOutputs[K] extends string ? K : never}[keyof PipelineOutputs];

export async function publishPipelineFile(key: PathKey): Promise<void> {
  await runScript(async () => {
    const outputs = await loadPipeline();
    await writeToStdout(await readFile(outputs[key]));
  });
}
