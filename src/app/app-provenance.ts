/**
 * The app's provenance block for every JSON export
 * ================================================
 * `{ app: "twinscreen", version, bundledData: [{ file, bytes, sha256 }] }`: the version of the
 * app (package.json) and of each data file it ships (path under public/, size and SHA-256 of
 * the file as served; public/data/ATTRIBUTION.md names each file's source and release), so a
 * result can be traced to the exact data it ran on. Both are compiled in by vite.config.ts.
 */
export interface AppProvenance {
  readonly app: 'twinscreen';
  readonly version: string;
  readonly bundledData: readonly { file: string; bytes: number; sha256: string }[];
}

export const APP_PROVENANCE: AppProvenance = {
  app: 'twinscreen',
  version: __TWINSCREEN_VERSION__,
  bundledData: __BUNDLED_DATA__,
};
