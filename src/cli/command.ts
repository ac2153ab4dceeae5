/**
 * The shape of a CLI command
 * ==========================
 * A command is its flag table (which also gives its `--help`) and a `run` that reads the
 * parsed flags and returns a `CommandResult` (JSON value + table). `main` does the rest:
 * parsing, `--out`, printing and exit codes.
 */
import type { CommandSpec, ParsedFlags } from './parse-flags';
import type { CliIo, CommandResult } from './write-output';

export interface Command {
  readonly spec: CommandSpec;
  run(flags: ParsedFlags, io: CliIo): Promise<CommandResult>;
}

/** A required string flag (the parser has already checked that it is there). */
export function requiredString(flags: ParsedFlags, name: string): string {
  const value = flags.string(name);
  if (value === undefined) throw new Error(`--${name} was not checked as required`);
  return value;
}

/** A number flag with a default (the parser applies it). */
export function numberFlag(flags: ParsedFlags, name: string): number {
  const value = flags.number(name);
  if (value === undefined) throw new Error(`--${name} has no default`);
  return value;
}

/** Names of `nodes`, sorted alphabetically (for gene lists in the output). */
export function sortedNames(names: readonly string[], nodes: ArrayLike<number>): string[] {
  return Array.from(nodes, (node) => names[node]).sort(compareNames);
}

/** Alphabetical, case-insensitive, then by code point: a total, locale-free order. */
export function compareNames(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
