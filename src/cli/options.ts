import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export type PresetName = 'recommended' | 'strict';

/** Everything `scan` needs, validated. */
export interface ScanOptions {
  /** The directory (or single source file) to scan, as given (resolved later against the cwd). */
  target: string;
  format: Format;
  /** Write the report here instead of stdout. */
  output: string | undefined;
  preset: PresetName;
  failOn: FailOn;
  includeTests: boolean;
  /** Extra minimatch globs, relative to the scanned directory, to skip. */
  ignore: string[];
  quiet: boolean;
  /** `true`: always show progress; `false`: only on a terminal, for large trees. */
  progress: boolean;
  debug: boolean;
  /** Honour `eslint-disable` and `/* eslint … *\/` comments in the scanned code (off: the code is untrusted). */
  allowInlineConfig: boolean;
}

export type Invocation = { kind: 'help' } | { kind: 'version' } | { kind: 'scan'; options: ScanOptions };

/** A mistake on the command line: exit code 2 and a one-line message. */
export class UsageError extends Error {}

export const COMMANDS = ['scan'] as const;

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  strict: { type: 'boolean' },
  'fail-on': { type: 'string' },
  'include-tests': { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  progress: { type: 'boolean' },
  debug: { type: 'boolean' },
  'allow-inline-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

export const HELP = `Usage: eslint-plugin-mcp-security [scan] [dir] [options]
       mcp-security [scan] [dir] [options]

Audit an MCP server's source before you install it: lint <dir> (default: the current
directory) with the plugin's own preset, list the tools, prompts and resources it
registers, and report what the rules find. Nothing from the scanned directory is run
or loaded: its ESLint configs, plugins, parsers, tsconfig and eslint-disable comments
are ignored. <dir> may also be a single source file.

Skipped by default: node_modules, .git, dist, build, out, .next, coverage, tests and
fixtures (test/, tests/, __tests__/, fixtures/, *.test.*, *.spec.*), .d.ts files,
and symbolic links that lead out of <dir>.

Options:
  --strict                 use the strict preset (default: recommended)
  -f, --format <name>      stylish (default), json or sarif
  -o, --output <file>      write the report to <file> instead of stdout
  --fail-on <level>        error (default), warning or never: the lowest severity
                           that makes the exit code 1
  --include-tests          also scan tests and fixtures
  --ignore <glob>          skip paths matching <glob> (relative to <dir>; repeatable)
  --allow-inline-config    honour eslint-disable and /* eslint */ comments in the
                           scanned code (use it on your own code only)
  -q, --quiet              print the findings only (no tool inventory, no summary)
  --progress               show progress on stderr (default: on a terminal, from
                           300 files)
  --debug                  print stack traces of internal errors
  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on;
2 usage error, unreadable directory or internal error.
`;

/** Parses the command line (without `node` and the script). Throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const strings = new Map<OptionName, string[]>();
  const flags = new Set<OptionName>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    if (!isOptionName(token.name)) throw new UsageError(unknownOption(token.rawName));
    const spec: OptionSpec = OPTIONS[token.name];
    if (spec.type === 'boolean') {
      if (token.inlineValue === true) throw new UsageError(`option ${token.rawName} takes no value`);
      flags.add(token.name);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`option ${token.rawName} needs a value`);
    const previous = strings.get(token.name) ?? [];
    if (previous.length > 0 && spec.multiple !== true) {
      throw new UsageError(`option --${token.name} is given more than once`);
    }
    strings.set(token.name, [...previous, token.value]);
  }

  if (flags.has('help')) return { kind: 'help' };
  if (flags.has('version')) return { kind: 'version' };

  // `scan` is the default command: a first positional that is not a command is the directory.
  if (positionals[0] === 'scan') positionals.shift();
  if (positionals.length > 1) {
    throw new UsageError(`expected one directory, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(' ')}`);
  }
  const target = positionals[0] ?? '.';
  if (target === '') throw new UsageError('the directory is an empty string');

  const output = strings.get('output')?.[0];
  if (output === '') throw new UsageError('option --output needs a file name');
  const ignore = strings.get('ignore') ?? [];
  if (ignore.some((glob) => glob.trim() === '')) throw new UsageError('option --ignore needs a non-empty glob');

  return {
    kind: 'scan',
    options: {
      target,
      format: oneOf('format', strings.get('format')?.[0], FORMATS, 'stylish'),
      output,
      preset: flags.has('strict') ? 'strict' : 'recommended',
      failOn: oneOf('fail-on', strings.get('fail-on')?.[0], FAIL_ON, 'error'),
      includeTests: flags.has('include-tests'),
      ignore,
      quiet: flags.has('quiet'),
      progress: flags.has('progress'),
      debug: flags.has('debug'),
      allowInlineConfig: flags.has('allow-inline-config'),
    },
  };
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value ${JSON.stringify(value)} for --${option}: expected ${allowed.join(', ')}`);
}

function unknownOption(rawName: string): string {
  const name = rawName.replace(/^-+/, '');
  const candidates = Object.keys(OPTIONS);
  const closest = candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = closest && closest.distance <= Math.max(1, Math.floor(name.length / 3)) ? ` (did you mean --${closest.candidate}?)` : '';
  return `unknown option ${rawName}${hint}`;
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
