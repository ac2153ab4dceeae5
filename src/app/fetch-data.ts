/**
 * Bundled data files
 * ==================
 * The app's demo data ships in public/data/ and is fetched from the app's own origin only:
 * every URL is built from Vite's BASE_URL, never from a host name, so the Content-Security-
 * Policy (`connect-src 'self'`) holds and nothing about the user leaves the machine.
 * Usable from the main thread and from workers.
 */

export interface FetchProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected (Content-Length), or null when the server did not say. */
  total: number | null;
}

export interface FetchDataOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
}

/** Same-origin path of a bundled data file, e.g. `/data/genes.tsv.gz`. */
export function dataUrl(fileName: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|\.\./i.test(fileName)) {
    throw new Error(`dataUrl: expected a file name inside public/data/, got "${fileName}"`);
  }
  return `${import.meta.env.BASE_URL}data/${fileName}`;
}

/**
 * Downloads a bundled data file as raw bytes (still gzip-compressed when the file is: io/
 * decompresses), reporting progress as the body streams in.
 */
export async function fetchDataFile(
  fileName: string,
  { signal, onProgress }: FetchDataOptions = {},
): Promise<Uint8Array> {
  const url = dataUrl(fileName);
  const response = await fetch(url, { signal, credentials: 'same-origin' });
  if (!response.ok || !response.body) {
    throw new Error(`fetchDataFile: ${url} answered ${response.status} ${response.statusText}`);
  }
  const header = response.headers.get('content-length');
  const total = header && !response.headers.get('content-encoding') ? Number(header) : null;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
