// The loaders find the outputs the prepare step made, without resolving the source again (no second probe, no second warning).
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadPipeline, publishCurrentPipeline, type PipelineOutputs} from "../../../src/data/douanes/pipeline.js";

async function preparedFolder(): Promise<{env: NodeJS.ProcessEnv; outputs: PipelineOutputs}> {
  const cache = await mkdtemp(join(tmpdir(), "current-pipeline-"));
  const folder = join(cache, "pipeline", "abc");
  await mkdir(folder, {recursive: true});
  await writeFile(join(folder, "manifest.json"), JSON.stringify({shownYear: 2024}));
  // A source that cannot be resolved: only the recorded outputs can answer.
  const env = {TRADE_CACHE_DIR: cache, TRADE_SOURCE: join(cache, "absent")};
  const outputs = {manifestPath: join(folder, "manifest.json")} as PipelineOutputs;
  return {env, outputs};
}

describe("the current build's pipeline", () => {
  it("is what a loader gets once the prepare step recorded it for the same settings", async () => {
    const {env, outputs} = await preparedFolder();
    await publishCurrentPipeline(outputs, env);
    const found = await loadPipeline(env);
    expect(found.manifestPath).toBe(outputs.manifestPath);
    expect(found.tradeParquetPath).toBe(join(outputs.manifestPath, "..", "trade.parquet"));
    expect(found.manifest.shownYear).toBe(2024);
  });

  it("is not used under other settings: the source is resolved again", async () => {
    const {env, outputs} = await preparedFolder();
    await publishCurrentPipeline(outputs, env);
    await expect(loadPipeline({...env, TRADE_YEAR: "2023"})).rejects.toThrow(/TRADE_SOURCE : « .*absent » n'existe pas/);
  });
});
