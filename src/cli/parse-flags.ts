/**
 * Flag parsing and help text for the command line
 * ===============================================
 * Every command declares its flags once (`FlagSpec[]`); the parser, the validation and the
 * `--help` text all come from that one table, so they cannot disagree. Accepted forms:
 * `--name value`, `--name=value`, and bare `--name` for booleans; `-h`/`--help` anywhere asks
 * for the help text and skips every other check. Values are validated here, at the boundary
 * (numbers in range, choices from their list), and every problem is a `UsageError` naming the
 * flag and what was expected.
 */
import { UsageError } from './cli-error';

interface BaseFlag {
  /** Name without the leading `--`. */
  readonly name: string;
  readonly help: string;
  readonly required?: boolean;
}

export type FlagSpec =
  | (BaseFlag & {
      readonly kind: 'string';
      /** Shown in the help, e.g. FILE or NAME. */
      readonly placeholder: string;
      readonly default?: string;
      /** May be given more than once (values kept in order). */
      readonly repeatable?: boolean;
    })
  | (BaseFlag & {
      readonly kind: 'choice';
      readonly choices: readonly string[];
      readonly default?: string;
    })
  | (BaseFlag & {
      /** Comma-separated subset of `choices`. */
      readonly kind: 'list';
      readonly choices: readonly string[];
      readonly default?: readonly string[];
    })
  | (BaseFlag & {
      readonly kind: 'integer' | 'number';
      readonly placeholder: string;
      readonly default?: number;
      readonly min?: number;
      /** `min` itself is not allowed. */
      readonly exclusiveMin?: boolean;
      readonly max?: number;
      /** `max` itself is not allowed. */
      readonly exclusiveMax?: boolean;
    })
  | (BaseFlag & { readonly kind: 'boolean' });

export interface CommandSpec {
  readonly name: string;
  /** One line, shown in the command list. */
  readonly summary: string;
  /** Paragraphs shown under the usage line. */
  readonly description: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
}

/** Parsed and validated flags, defaults applied. */
export interface ParsedFlags {
  /** True when -h/--help was given (nothing else is then checked). */
  readonly help: boolean;
  string(name: string): string | undefined;
  /** All values of a repeatable string flag (empty when absent). */
  strings(name: string): string[];
  number(name: string): number | undefined;
  boolean(name: string): boolean;
  /** Values of a list flag. */
  list(name: string): string[];
  /** True when the flag was given on the command line (not just defaulted). */
  given(name: string): boolean;
}

export function parseFlags(command: CommandSpec, argv: readonly string[]): ParsedFlags {
  const specs = new Map(command.flags.map((flag) => [flag.name, flag]));
  const values = new Map<string, string | number | boolean | string[]>();
  const given = new Set<string>();
  const help = argv.some((token) => token === '--help' || token === '-h');

  if (!help) {
    for (let i = 0; i < argv.length; i++) {
      const token = argv[i];
      if (!token.startsWith('--') || token === '--') {
        throw new UsageError(
          token.startsWith('-') && token !== '-'
            ? `unknown flag ${token}${suggestion(token.replace(/^-+/, ''), specs)}`
            : `unexpected argument "${token}" (flags start with --)`,
        );
      }
      const equals = token.indexOf('=');
      const name = token.slice(2, equals === -1 ? undefined : equals);
      const spec = specs.get(name);
      if (spec === undefined) {
        throw new UsageError(`unknown flag --${name}${suggestion(name, specs)}`);
      }
      let text: string | undefined = equals === -1 ? undefined : token.slice(equals + 1);
      if (spec.kind === 'boolean') {
        if (text !== undefined && text !== 'true' && text !== 'false') {
          throw new UsageError(`--${name} takes no value (or =true / =false), got "${text}"`);
        }
      } else if (text === undefined) {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          throw new UsageError(`--${name} needs a value (${placeholderOf(spec)})`);
        }
        text = next;
        i++;
      }
      const repeatable = spec.kind === 'string' && spec.repeatable === true;
      if (given.has(name) && !repeatable) throw new UsageError(`--${name} is given twice`);
      given.add(name);
      const value = convert(spec, text);
      if (repeatable) {
        const list = (values.get(name) as string[] | undefined) ?? [];
        list.push(value as string);
        values.set(name, list);
      } else {
        values.set(name, value);
      }
    }
    for (const spec of command.flags) {
      if (spec.required && !given.has(spec.name)) {
        throw new UsageError(`--${spec.name} is required (${placeholderOf(spec)})`);
      }
    }
  }
  for (const spec of command.flags) {
    if (values.has(spec.name) || spec.kind === 'boolean' || spec.default === undefined) continue;
    const fallback = spec.default;
    values.set(spec.name, typeof fallback === 'object' ? [...fallback] : fallback);
  }

  const kindOf = (name: string): FlagSpec['kind'] => {
    const spec = specs.get(name);
    if (spec === undefined) throw new Error(`parseFlags: command ${command.name} has no --${name}`);
    return spec.kind;
  };
  return {
    help,
    string(name) {
      kindOf(name);
      const value = values.get(name);
      return Array.isArray(value) ? value[value.length - 1] : (value as string | undefined);
    },
    strings(name) {
      kindOf(name);
      const value = values.get(name);
      if (value === undefined) return [];
      return Array.isArray(value) ? [...value] : [value as string];
    },
    number(name) {
      kindOf(name);
      return values.get(name) as number | undefined;
    },
    boolean(name) {
      kindOf(name);
      return values.get(name) === true;
    },
    list(name) {
      kindOf(name);
      return [...((values.get(name) as string[] | undefined) ?? [])];
    },
    given(name) {
      kindOf(name);
      return given.has(name);
    },
  };
}

function convert(spec: FlagSpec, text: string | undefined): string | number | boolean | string[] {
  const flag = `--${spec.name}`;
  switch (spec.kind) {
    case 'boolean':
      return text !== 'false';
    case 'string':
      if (text === undefined || text.trim() === '') {
        throw new UsageError(`${flag} needs a non-empty value (${spec.placeholder})`);
      }
      return text;
    case 'choice':
      if (!spec.choices.includes(text as string)) {
        throw new UsageError(`${flag}: expected one of ${spec.choices.join(', ')}, got "${text}"`);
      }
      return text as string;
    case 'list': {
      const items = (text as string)
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      const bad = items.filter((item) => !spec.choices.includes(item));
      if (items.length === 0 || bad.length > 0) {
        throw new UsageError(
          `${flag}: expected a comma-separated list of ${spec.choices.join(', ')}, got "${text}"`,
        );
      }
      return [...new Set(items)];
    }
    case 'integer':
    case 'number': {
      const value = (text as string).trim() === '' ? NaN : Number(text);
      const isInteger = spec.kind === 'integer';
      const ok =
        Number.isFinite(value) &&
        (!isInteger || Number.isInteger(value)) &&
        (spec.min === undefined || (spec.exclusiveMin ? value > spec.min : value >= spec.min)) &&
        (spec.max === undefined || (spec.exclusiveMax ? value < spec.max : value <= spec.max));
      if (!ok) {
        throw new UsageError(`${flag}: expected ${describeNumber(spec)}, got "${text}"`);
      }
      return value;
    }
  }
}

function describeNumber(spec: Extract<FlagSpec, { kind: 'integer' | 'number' }>): string {
  const what = spec.kind === 'integer' ? 'an integer' : 'a number';
  const low =
    spec.min === undefined ? null : `${spec.exclusiveMin ? '>' : '≥'} ${formatBound(spec.min)}`;
  const high =
    spec.max === undefined ? null : `${spec.exclusiveMax ? '<' : '≤'} ${formatBound(spec.max)}`;
  if (low && high) return `${what} ${low} and ${high}`;
  return `${what}${low ? ` ${low}` : ''}${high ? ` ${high}` : ''}`;
}

function formatBound(value: number): string {
  return value === 2 ** 32 ? '2^32' : String(value);
}

function placeholderOf(spec: FlagSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return '';
    case 'choice':
      return spec.choices.join('|');
    case 'list':
      return `${spec.choices.join(',')} (any of, comma-separated)`;
    default:
      return spec.placeholder;
  }
}

/** " (did you mean --x?)" for a near miss, else "". */
function suggestion(name: string, specs: ReadonlyMap<string, FlagSpec>): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of specs.keys()) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(name.length / 3))
    ? ` (did you mean --${best}?)`
    : '';
}

/** Levenshtein distance (small strings only). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

const HELP_WIDTH = 100;
const FLAG_COLUMN = 30;

/** The `--help` text of a command. */
export function formatHelp(command: CommandSpec): string {
  const required = command.flags
    .filter((flag) => flag.required)
    .map((flag) => `--${flag.name} ${placeholderOf(flag)}`.trim());
  const lines = [
    `twinscreen ${command.name}: ${command.summary}`,
    '',
    `Usage: twinscreen ${command.name} ${[...required, '[options]'].join(' ')}`,
    '',
  ];
  for (const paragraph of command.description) {
    lines.push(...wrap(paragraph, HELP_WIDTH, ''), '');
  }
  lines.push('Options:');
  for (const flag of command.flags) {
    const left = `  --${flag.name} ${flag.kind === 'list' ? flag.choices.join(',') : placeholderOf(flag)}`;
    const notes: string[] = [];
    if (flag.required) notes.push('required');
    if (flag.kind === 'string' && flag.repeatable) notes.push('repeatable');
    if (flag.kind !== 'boolean' && flag.default !== undefined) {
      notes.push(
        `default: ${Array.isArray(flag.default) ? flag.default.join(',') : String(flag.default)}`,
      );
    }
    const text = notes.length > 0 ? `${flag.help} (${notes.join('; ')})` : flag.help;
    lines.push(...twoColumns(left.trimEnd(), text));
  }
  lines.push(...twoColumns('  -h, --help', 'show this help'));
  if (command.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of command.examples) lines.push(`  ${example}`);
  }
  return lines.join('\n') + '\n';
}

function twoColumns(left: string, text: string): string[] {
  const indent = ' '.repeat(FLAG_COLUMN);
  if (left.length >= FLAG_COLUMN - 1) {
    return [left, ...wrap(text, HELP_WIDTH, indent)];
  }
  const wrapped = wrap(text, HELP_WIDTH, indent);
  wrapped[0] = left.padEnd(FLAG_COLUMN) + wrapped[0].slice(FLAG_COLUMN);
  return wrapped;
}

/** Greedy word wrap; every line starts with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += (line.length > indent.length ? ' ' : '') + word;
  }
  lines.push(line);
  return lines;
}
