/**
 * Command-line errors and exit codes
 * ==================================
 * The CLI sorts every failure into one of two kinds, each with its own exit code:
 *
 * - `UsageError` (exit 2): the command line is wrong — an unknown command or flag, a missing or
 *   malformed value, an input file that does not exist, a set name the file does not hold.
 *   The user fixes the command line; the message ends with a pointer to `--help`.
 * - `DataError` (exit 1): the command line is fine but the data cannot be used — e.g. none of
 *   the genes is in the network. io's `ImportError` (a file the user must fix, with file, line
 *   and what was expected) also exits with 1.
 * Anything else is a bug and exits with 1 after printing its stack.
 */

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

/** A command line the CLI cannot run (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Inputs that parse but cannot be used (exit 1). */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
