/**
 * Import failures as data
 * =======================
 * Comlink carries only an Error's name and message across a worker boundary, so the worker
 * turns a failed import into a plain `ImportFailure` ({fileName, line, message}) itself.
 * io's ImportError already names the file and line; any other error (a bug, an abort) is
 * attributed to the file without a line.
 */
import { ImportError } from '@/io';
import type { ImportFailure } from './analysis-types';

export function importFailure(error: unknown, fileName: string): ImportFailure {
  if (error instanceof ImportError) {
    return {
      fileName: error.fileName,
      line: error.line,
      message: error.message,
      problem: error.problem,
      expected: error.expected,
    };
  }
  const isAbort = error instanceof Error && error.name === 'AbortError';
  const message = isAbort
    ? 'Import cancelled'
    : error instanceof Error
      ? error.message
      : String(error);
  return {
    fileName,
    line: null,
    message: `${fileName}: ${message}`,
    problem: message,
    expected: null,
  };
}
