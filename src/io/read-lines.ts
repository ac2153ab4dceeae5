/**
 * Streaming line reader
 * =====================
 * Turns a file (Blob/File, bytes, a byte stream or a string) into numbered text lines without
 * holding the whole file in memory: bytes are read in chunks, gzip is undone on the fly with
 * `DecompressionStream('gzip')` (present in browsers, workers and Node ≥ 18), and text is decoded
 * with a streaming `TextDecoder`. Pipeline:
 *
 *   source chunks ─(count bytes, check abort)→ [gunzip if 1f 8b] → sniff → decode → split lines
 *
 * - gzip is recognised by its magic bytes 1f 8b, not by the file name;
 * - a file whose first bytes carry the magic number of a known binary format (zip/xlsx, PDF,
 *   HDF5/h5ad, PNG, JPEG, GIF, WebP, TIFF, BMP: file-signature.ts) is rejected with what it looks
 *   like; any other file is rejected as binary when its first 8 KiB hold a NUL byte or more than
 *   10 % control characters; when the caller wants a table (`tableContents`), HTML, SVG, XML,
 *   JSON and MatrixMarket text is rejected the same way;
 * - UTF-8 (BOM stripped) is the default; a UTF-16 file with a byte-order mark is decoded as such;
 * - lines end at LF, CRLF, or (when the file has no LF at all) a lone CR;
 * - a line longer than `maxLineBytes` (UTF-8 bytes) fails with its line number before it is
 *   fully buffered.
 * `readLineBatches` yields one array of lines per chunk, which is what the importers use (one
 * await per chunk rather than per line); `readLines` flattens it.
 */
import { binarySignature, firstDataLines, notATableError, textSignature } from './file-signature';
import { abortError, ImportError } from './import-error';

/** What the importers accept as a file. */
export type ImportSource = Blob | Uint8Array | ReadableStream<Uint8Array> | string;

export interface ReadLinesOptions {
  /** Cancels the read; the generator then throws the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Called after each chunk of the *source* (compressed) bytes; total is null for streams. */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  /** Longest accepted line in UTF-8 bytes. */
  maxLineBytes?: number;
  /**
   * What the caller expects the table to hold ("interactions (…)"), for the message that
   * rejects a file of another kind. The importers set it; callers need not.
   */
  tableContents?: string;
}

export const READ_LINES_DEFAULTS = {
  maxLineBytes: 1024 * 1024,
} as const;

export interface Line {
  /** The line without its line ending. */
  text: string;
  /** 1-based. */
  lineNumber: number;
}

const CHUNK_BYTES = 64 * 1024;
const SNIFF_BYTES = 8 * 1024;
const CONTROL_SHARE_LIMIT = 0.1;

/** Yields the lines of `source` one at a time. */
export async function* readLines(
  source: ImportSource,
  fileName: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(source, fileName, options)) yield* batch;
}

/** Yields the lines of `source` in batches (about one batch per 64 KiB chunk). */
export async function* readLineBatches(
  source: ImportSource,
  fileName: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<Line[]> {
  const maxLineBytes = options.maxLineBytes ?? READ_LINES_DEFAULTS.maxLineBytes;
  if (!(maxLineBytes > 0)) {
    throw new RangeError(`readLines: maxLineBytes must be positive, got ${maxLineBytes}`);
  }
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);

  const { chunks: sourceChunks, totalBytes } = chunksOf(source);
  let bytesRead = 0;
  const counted = mapChunks(sourceChunks, (chunk) => {
    if (signal?.aborted) throw abortError(signal);
    bytesRead += chunk.byteLength;
    onProgress?.(bytesRead, totalBytes);
    return chunk;
  });

  // Every stage closes the one it reads from, so closing the outermost one (on an error, or
  // when the consumer stops early) cancels the source read and the decompression too.
  let bytes: AsyncIterator<Uint8Array> = counted;
  try {
    const head = await peek(counted, 2);
    bytes = head.rest;
    if (head.bytes.length >= 2 && head.bytes[0] === 0x1f && head.bytes[1] === 0x8b) {
      bytes = gunzip(head.rest, fileName, signal);
    }

    const sniffed = await peek(bytes, SNIFF_BYTES);
    const signature = binarySignature(sniffed.bytes);
    if (signature !== null) throw notATableError(fileName, signature, options.tableContents);
    const encoding = sniffEncoding(sniffed.bytes, fileName);
    if (options.tableContents !== undefined) {
      const head = new TextDecoder(encoding).decode(sniffed.bytes.subarray(0, SNIFF_BYTES));
      const kind = textSignature(firstDataLines(head));
      if (kind !== null) throw notATableError(fileName, kind, options.tableContents);
    }
    const decoder = new TextDecoder(encoding); // strips the BOM by default
    bytes = sniffed.rest;

    let carry = '';
    let lineNumber = 0;
    let newline: '\n' | '\r' | null = null;
    const tooLong = (line: number): ImportError =>
      new ImportError(
        fileName,
        line,
        `line is longer than ${maxLineBytes} bytes`,
        `lines of at most ${maxLineBytes} bytes (is this a text table with line breaks?)`,
      );

    for (;;) {
      const { done, value } = await bytes.next();
      if (signal?.aborted) throw abortError(signal);
      let text = carry + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (newline === null) {
        if (text.includes('\n')) newline = '\n';
        else if (text.includes('\r') && text.indexOf('\r') < text.length - 1) newline = '\r';
      }
      const batch: Line[] = [];
      let start = 0;
      if (newline !== null) {
        for (;;) {
          const end = text.indexOf(newline, start);
          if (end === -1) break;
          let stop = end;
          if (newline === '\n' && stop > start && text.charCodeAt(stop - 1) === 13) stop--;
          const line = text.slice(start, stop);
          lineNumber++;
          if (exceedsBytes(line, maxLineBytes)) throw tooLong(lineNumber);
          batch.push({ text: line, lineNumber });
          start = end + 1;
        }
      }
      text = start === 0 ? text : text.slice(start);
      if (done) {
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (text.length > 0) {
          lineNumber++;
          if (exceedsBytes(text, maxLineBytes)) throw tooLong(lineNumber);
          batch.push({ text, lineNumber });
        }
        if (batch.length > 0) yield batch;
        return;
      }
      // A partial line already too long fails now, before the rest of it is buffered.
      if (text.length > maxLineBytes) throw tooLong(lineNumber + 1);
      carry = text;
      if (batch.length > 0) yield batch;
    }
  } finally {
    await bytes.return?.(undefined);
  }
}

/** Whether `text` takes more than `limit` bytes in UTF-8 (exact, cheap in the usual case). */
function exceedsBytes(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false; // a UTF-16 code unit is at most 3 UTF-8 bytes
  if (text.length > limit) return true; // …and at least 1
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
    if (code >= 0xd800 && code < 0xdc00) k++; // the low surrogate is counted with its pair
  }
  return bytes > limit;
}

function sniffEncoding(head: Uint8Array, fileName: string): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const binary = (what: string, expected: string): ImportError =>
    new ImportError(fileName, null, `binary file (${what})`, expected);
  const textExpected = 'a text table (TSV, CSV or plain text, optionally gzipped)';
  let control = 0;
  for (let k = 0; k < sample.length; k++) {
    const byte = sample[k];
    if (byte === 0) {
      throw binary(
        `NUL byte at offset ${k}`,
        `${textExpected} in UTF-8 (or UTF-16 with a byte-order mark)`,
      );
    }
    if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) || byte === 127) {
      control++;
    }
  }
  if (sample.length > 0 && control / sample.length > CONTROL_SHARE_LIMIT) {
    throw binary(
      `${Math.round((100 * control) / sample.length)}% control characters in the first ${sample.length} bytes`,
      textExpected,
    );
  }
  return 'utf-8';
}

function chunksOf(source: ImportSource): {
  chunks: AsyncIterator<Uint8Array>;
  totalBytes: number | null;
} {
  if (typeof source === 'string') {
    const bytes = new TextEncoder().encode(source);
    return { chunks: sliceBytes(bytes), totalBytes: bytes.byteLength };
  }
  if (source instanceof Uint8Array) {
    return { chunks: sliceBytes(source), totalBytes: source.byteLength };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return { chunks: streamChunks(source.stream()), totalBytes: source.size };
  }
  if (source && typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    return { chunks: streamChunks(source as ReadableStream<Uint8Array>), totalBytes: null };
  }
  throw new TypeError(
    'readLines: expected a Blob, Uint8Array, ReadableStream<Uint8Array> or string as the source',
  );
}

async function* sliceBytes(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) {
    yield bytes.subarray(offset, offset + CHUNK_BYTES);
  }
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value.byteLength > 0) yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* mapChunks(
  chunks: AsyncIterator<Uint8Array>,
  map: (chunk: Uint8Array) => Uint8Array,
): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) return;
      yield map(value);
    }
  } finally {
    await chunks.return?.();
  }
}

/**
 * Reads at least `minBytes` (or to the end) and returns them joined, with an iterator that
 * replays the same bytes and then continues with the rest of the input.
 */
async function peek(
  chunks: AsyncIterator<Uint8Array>,
  minBytes: number,
): Promise<{ bytes: Uint8Array; rest: AsyncIterator<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < minBytes) {
    const { done, value } = await chunks.next();
    if (done) break;
    head.push(value);
    length += value.byteLength;
  }
  const bytes = head.length === 1 ? head[0] : new Uint8Array(length);
  if (head.length !== 1) {
    let offset = 0;
    for (const chunk of head) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      if (length > 0) yield bytes;
      for (;;) {
        const { done, value } = await chunks.next();
        if (done) return;
        yield value;
      }
    } finally {
      await chunks.return?.();
    }
  }
  return { bytes, rest: replay() };
}

/** Gunzips a chunk iterator through DecompressionStream; zlib errors become ImportErrors. */
async function* gunzip(
  chunks: AsyncIterator<Uint8Array>,
  fileName: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  const compressed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  // The cast bridges lib.dom's BufferSource-typed DecompressionStream and Uint8Array streams.
  const reader = compressed
    .pipeThrough(
      new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
    )
    .getReader();
  let finished = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        if (error instanceof ImportError || isAbortError(error)) throw error;
        throw new ImportError(
          fileName,
          null,
          `truncated or corrupt gzip (${error instanceof Error ? error.message : String(error)})`,
          'a complete gzip file: download or copy it again',
        );
      }
      if (result.done) {
        finished = true;
        return;
      }
      if (result.value.byteLength > 0) yield result.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
