/// <reference types="svelte" />
/// <reference types="vite/client" />

/** package.json's version, compiled in by vite.config.ts. */
declare const __TWINSCREEN_VERSION__: string;
/** Each file under public/data with its size and SHA-256, compiled in by vite.config.ts. */
declare const __BUNDLED_DATA__: readonly { file: string; bytes: number; sha256: string }[];
