import {describe, expect, it} from "vitest";
import {resolveSource} from "../../../src/data/douanes/source.ts";

// Port 9 on 127.0.0.1 (discard) is closed here: the customs site is "unreachable".
const unreachable = {DGDDI_URLS: "http://127.0.0.1:9/region_44.zip", DGDDI_RETRIES: "0", DGDDI_TIMEOUT_MS: "500", DGDDI_BACKOFF_MS: "1"};

describe("TRADE_SOURCE", () => {
  it("dgddi fails clearly when the site is unreachable", async () => {
    await expect(resolveSource({...process.env, ...unreachable, TRADE_SOURCE: "dgddi"})).rejects.toThrow(/TRADE_SOURCE=dgddi.*Que faire/s);
  });

  it("auto falls back to the demo, says why, and marks it synthetic", {timeout: 300_000}, async () => {
    const plan = await resolveSource({...process.env, ...unreachable, TRADE_SOURCE: "auto"});
    expect(plan).toMatchObject({mode: "demo", synthetic: true});
    expect(plan.fallbackReason).toMatch(/127\.0\.0\.1:9/);
    expect(plan.inputs.map((i) => i.name)).toContain("region_44.zip");
  });

  it("a missing local path is named in the error", async () => {
    await expect(resolveSource({TRADE_SOURCE: "/nulle/part"})).rejects.toThrow(/« \/nulle\/part » n'existe pas/);
  });
});
