/**
 * Twinscreen command line: entry point
 * ====================================
 * `npx twinscreen <command> [flags]` runs the same core as the app, in Node (bin/twinscreen.mjs
 * loads this file through tsx). `main` parses the command line, runs one command, prints its
 * JSON (or writes `--out FILE.json|.tsv`) and returns the exit code:
 *
 *   0  success (also for --help)
 *   1  data error: a file that cannot be read as expected (io's ImportError, with file, line and
 *      what was expected), or data that cannot be used (e.g. no gene in the network)
 *   2  usage error: unknown command or flag, bad value, missing input file
 *
 * Messages go to stderr, results to stdout; both go through an injectable `CliIo`, so tests
 * call `main` in-process and capture them.
 */
import { ImportError } from '@/io';
import { DataError, EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE_ERROR, UsageError } from './cli-error';
import type { Command } from './command';
import { centralityCommand } from './commands/centrality-command';
import { deCommand } from './commands/de-command';
import { mergeCommand } from './commands/merge-command';
import { moduleCommand } from './commands/module-command';
import { multilayerCommand } from './commands/multilayer-command';
import { screenCommand } from './commands/screen-command';
import { separationCommand } from './commands/separation-command';
import { twinCommand } from './commands/twin-command';
import { formatHelp, parseFlags, wrap } from './parse-flags';
import { appVersion, startRecording, type InputRecorder } from './provenance';
import { resolveOutputTarget, writeResult, type CliIo, type CommandResult } from './write-output';

export type { CliIo } from './write-output';

export const COMMANDS: readonly Command[] = [
  moduleCommand,
  centralityCommand,
  separationCommand,
  screenCommand,
  multilayerCommand,
  deCommand,
  twinCommand,
  mergeCommand,
];

/** stdout/stderr of this process, paths relative to its working directory. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** Runs one command line (without the leading "node twinscreen"); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(topLevelHelp());
    return EXIT_USAGE_ERROR;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(topLevelHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`twinscreen ${version()}\n`);
    return EXIT_OK;
  }
  if (name === 'help') {
    const command = rest[0] === undefined ? null : findCommand(rest[0]);
    if (rest[0] !== undefined && command === null) return unknownCommand(rest[0], io);
    io.stdout(command ? formatHelp(command.spec) : topLevelHelp());
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (command === null) return unknownCommand(name, io);

  const label = `twinscreen ${command.spec.name}`;
  try {
    const flags = parseFlags(command.spec, rest);
    if (flags.help) {
      io.stdout(formatHelp(command.spec));
      return EXIT_OK;
    }
    const target = resolveOutputTarget(flags.string('out'), io.cwd);
    const recorder = startRecording();
    const result = await command.run(flags, io);
    await writeResult(withProvenance(result, recorder), target, io, command.spec.name);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `${label}: ${error.message}\nRun "twinscreen ${command.spec.name} --help" for usage.\n`,
      );
      return EXIT_USAGE_ERROR;
    }
    if (error instanceof ImportError || error instanceof DataError) {
      io.stderr(`${label}: ${error.message}\n`);
      return EXIT_DATA_ERROR;
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      // A file system error after the up-front checks (permission denied, disk full…).
      io.stderr(`${label}: ${error.message}\n`);
      return EXIT_DATA_ERROR;
    }
    if (error instanceof RangeError) {
      // The core's own input checks (e.g. a degree bin too small for the chosen null).
      io.stderr(`${label}: ${error.message}\n`);
      return EXIT_DATA_ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`${label}: internal error: ${detail}\n`);
    return EXIT_DATA_ERROR;
  }
}

/**
 * The JSON with `provenance` (app, version, every input with its checksum) added last; a
 * command's own provenance block (the screen's methods and null) keeps its fields. A command
 * that read no input through the recorder keeps its own `inputs` (`twinscreen merge`: the
 * shards' data files, so a merged cohort equals the unsharded run).
 */
function withProvenance(result: CommandResult, recorder: InputRecorder): CommandResult {
  const json = result.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return result;
  const own = (json as { provenance?: unknown }).provenance;
  const base = own !== null && typeof own === 'object' ? own : {};
  const recorded = recorder.provenance();
  const ownInputs = (base as { inputs?: unknown }).inputs;
  const provenance =
    recorded.inputs.length === 0 && Array.isArray(ownInputs)
      ? { ...base, ...recorded, inputs: ownInputs }
      : { ...base, ...recorded };
  return { ...result, json: { ...json, provenance } };
}

function findCommand(name: string): Command | null {
  return COMMANDS.find((command) => command.spec.name === name) ?? null;
}

function unknownCommand(name: string, io: CliIo): number {
  const names = COMMANDS.map((command) => command.spec.name).join(', ');
  io.stderr(
    `twinscreen: unknown command "${name}"; expected one of ${names}\nRun "twinscreen --help" for usage.\n`,
  );
  return EXIT_USAGE_ERROR;
}

function topLevelHelp(): string {
  const lines = [
    'twinscreen: network medicine on the command line (the same core as the app)',
    '',
    'Usage: twinscreen <command> [flags]',
    '       twinscreen <command> --help',
    '',
    'Commands:',
  ];
  for (const command of COMMANDS) {
    const wrapped = wrap(command.spec.summary, 100, ' '.repeat(14));
    wrapped[0] = `  ${command.spec.name.padEnd(12)}${wrapped[0].trimStart()}`;
    lines.push(...wrapped);
  }
  lines.push(
    '',
    'Results are JSON on stdout, or --out FILE.json / FILE.tsv. Exit codes: 0 success, 1 data',
    'error (with file, line and what was expected), 2 usage error.',
  );
  return lines.join('\n') + '\n';
}

function version(): string {
  return appVersion();
}
