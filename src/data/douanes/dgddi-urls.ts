/**
 * Where the customs publish the regional zips. The download address pattern
 * comes from the customs' read-me; the numbering NN of `region_NN.zip` is NOT
 * known (the read-me's example is `region_18.zip`, which is no INSEE région
 * code). By default the 18 INSEE région codes are assumed; override with
 *   DGDDI_REGION_FILES="region_11.zip,region_18.zip,…"   (file names), or
 *   DGDDI_URLS="https://…/a.zip https://…/b.zip"          (full addresses).
 */
import {regions} from "../territories.ts";

export const DGDDI_DOWNLOAD_PATTERN =
  "https://lekiosque.finances.gouv.fr/site_fr/telechargement/download_no.asp?fic={file}&rep=/fichiers/Telecharge";

/** Assumed file names: one per INSEE région code (01–06 overseas, 11–94 metropolitan). */
export const DEFAULT_REGION_FILES: string[] = regions.map((region) => `region_${region.code}.zip`);

export interface RemoteFile {
  url: string;
  /** Name used in the cache and in messages. */
  fileName: string;
}

export function dgddiFiles(env: NodeJS.ProcessEnv = process.env): RemoteFile[] {
  const urls = env.DGDDI_URLS?.split(/[\s,]+/).filter(Boolean);
  if (urls?.length) {
    return urls.map((url, i) => ({url, fileName: new URL(url).searchParams.get("fic") ?? url.split("/").pop()?.replace(/[^\w.-]/g, "_") ?? `source_${i}.zip`}));
  }
  const files = env.DGDDI_REGION_FILES?.split(/[\s,]+/).filter(Boolean) ?? DEFAULT_REGION_FILES;
  return files.map((fileName) => ({url: DGDDI_DOWNLOAD_PATTERN.replace("{file}", encodeURIComponent(fileName)), fileName}));
}
