/**
 * Run before `observable build` and `observable preview`.
 *
 * Framework's client bundle references a few libraries lazily (loaded only
 * when a page uses them: lodash, arquero, echarts…). At every build it asks
 * the npm registry for their latest version unless a folder
 * `src/.observablehq/cache/_npm/<name>@<version>/` already exists. Empty
 * folders satisfy that look-up, so building needs no network. Our pages use
 * none of these libraries (Plot, d3, htl, Inputs come from node_modules).
 *
 * The versions are what the registry answered when this list was made; they
 * only name the (never fetched) lazy URLs inside Framework's client code.
 */
import {mkdir} from "node:fs/promises";
import {join} from "node:path";

export const LAZY_CLIENT_LIBRARIES = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0"
];

export async function prepareNpmCache(root = "src"): Promise<void> {
  const cache = join(root, ".observablehq", "cache", "_npm");
  await Promise.all(LAZY_CLIENT_LIBRARIES.map((library) => mkdir(join(cache, library), {recursive: true})));
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareNpmCache();
