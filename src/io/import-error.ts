/**
 * Import error
 * ============
 * The one error type the importers throw for a file the user must fix. The message always
 * has the same shape, so the UI can show it as is:
 *
 *   "<file>, line <n>: <what is wrong>; expected <what was expected>"
 *
 * (", line <n>" is left out when the problem belongs to the whole file, e.g. a corrupt gzip.)
 * The parts are also kept as fields. Comlink's default error handler only carries `name`,
 * `message` and `stack` across a worker boundary; `toJSON()` gives the fields as plain data
 * for a worker that wants to pass them on.
 */

export interface ImportErrorData {
  name: 'ImportError';
  message: string;
  fileName: string;
  line: number | null;
  problem: string;
  expected: string;
}

export class ImportError extends Error {
  /** File name as given by the caller (e.g. `File.name`). */
  readonly fileName: string;
  /** 1-based line number, or null when the problem is not tied to one line. */
  readonly line: number | null;
  /** What is wrong, without the file and line prefix. */
  readonly problem: string;
  /** What the importer expected instead. */
  readonly expected: string;

  constructor(fileName: string, line: number | null, problem: string, expected: string) {
    super(`${fileName}${line === null ? '' : `, line ${line}`}: ${problem}; expected ${expected}`);
    this.name = 'ImportError';
    this.fileName = fileName;
    this.line = line;
    this.problem = problem;
    this.expected = expected;
  }

  toJSON(): ImportErrorData {
    return {
      name: 'ImportError',
      message: this.message,
      fileName: this.fileName,
      line: this.line,
      problem: this.problem,
      expected: this.expected,
    };
  }
}

/** The error thrown when an import is cancelled through its AbortSignal. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new DOMException('The import was aborted', 'AbortError');
}
