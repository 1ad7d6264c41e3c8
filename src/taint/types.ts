import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { InputBinding, InputSchema, ToolHandler } from '../model/types.js';
import type { FunctionNode } from '../util/ast.js';
import type { SourceUnit } from '../util/source-unit.js';

/**
 * What a sink does with a value, and so which sanitizers count. A rule selects kinds; it never
 * lists functions itself.
 *
 * - `command`: the value becomes (part of) a shell command line, the program to run, or the script
 *   of `sh -c` / `node -e` (CWE-78).
 * - `argument`: the value is one argument of a program run without a shell, and may be read as an
 *   option when it starts with `-` (CWE-88).
 * - `path`: the value names a file or directory (CWE-22).
 * - `network-url`, `sql`, `code-eval`, `module-load`: reserved for the SSRF, SQL and code-injection
 *   rules (their sinks are table entries like the others).
 */
export type SinkKind = 'command' | 'argument' | 'path' | 'network-url' | 'sql' | 'code-eval' | 'module-load';

/** The kind of work a sink call does (what `require-rate-limit` calls "expensive"). */
export type SinkCategory = 'process' | 'filesystem' | 'network' | 'database' | 'code';

export type Cwe = `CWE-${number}`;

/**
 * How a sink position consumes its value, for messages and for kind-specific checks:
 * - `shell-string`: a command line a shell parses (`exec(cmd)`).
 * - `shell-option`: the program or an argument of a call with `shell: true` (joined into a command line).
 * - `dash-c`: the script argument of a shell or interpreter (`spawn('sh', ['-c', x])`, `node -e`).
 * - `executable`: the program a call runs.
 * - `command-line`: a command line split on spaces without a shell (`execaCommand`).
 * - `argv`: one argument of a program run without a shell.
 * - `path`: a file-system path argument; `cwd`: the working directory option of a process call.
 * - `url`: the URL (or base URL, host) of an outbound request; `url-path`: the `path` option of a
 *   request whose host is given separately (`http.request({ hostname, path })`); `host-header`: a
 *   `Host` header value.
 * - `value`: any other sink argument (later kinds).
 */
export type SinkForm =
  | 'shell-string'
  | 'shell-option'
  | 'dash-c'
  | 'executable'
  | 'command-line'
  | 'argv'
  | 'path'
  | 'cwd'
  | 'url'
  | 'url-path'
  | 'host-header'
  | 'value';

/** Whether a path sink works on files, directories, or either (decides what `basename` buys). */
export type PathTarget = 'file' | 'dir' | 'any';

/** How a sink call's arguments are read; see {@link SinkSpec}. */
export type SinkShape =
  /** `exec(command, [options], [callback])`: a shell runs argument `command`. */
  | { readonly type: 'shell'; readonly command: number }
  /** `spawn(file, [args], [options])`: a program, its argv, and `options.shell`. */
  | { readonly type: 'spawn'; readonly file: number; readonly args: number }
  /** `execaCommand(line, [options])`: a command line split on spaces, no shell unless `options.shell`. */
  | { readonly type: 'command-line'; readonly command: number }
  /** File-system calls: the path arguments. */
  | { readonly type: 'paths'; readonly args: readonly number[]; readonly target: PathTarget }
  /**
   * An outbound request: argument `url` is a URL string, a `URL`, or a config object (its `url`,
   * `baseURL`, `prefixUrl`, `host`, `hostname`, `path` properties); argument `options` may carry
   * `headers.Host`.
   */
  | { readonly type: 'request'; readonly url: number; readonly options: number | null }
  /** Any other sink: the argument positions of kind `kind`. */
  | { readonly type: 'values'; readonly args: readonly number[] }
  /** A script an interpreter runs (`runAppleScript(script)` is `osascript -e script`). */
  | { readonly type: 'script'; readonly arg: number; readonly program: string; readonly flag: string };

/**
 * How a tagged template sink treats interpolations: `escaped` (zx, Bun: each value is quoted for a
 * shell), `argv` (execa: each value is one argument, no shell unless `shell: true`).
 */
export type TemplateQuoting = 'escaped' | 'argv';

/** One row of the sink table. */
export interface SinkSpec {
  /** Module specifiers (without `node:`) that export the sink. */
  readonly modules: readonly string[];
  /** Export path inside the module (`['exec']`, `['promises', 'readFile']` is normalised to `fs/promises`). */
  readonly path: readonly string[];
  /** How messages name it: `exec()`, `fs.readFile()`. */
  readonly label: string;
  readonly category: SinkCategory;
  /** The main kind (a call can also expose positions of other kinds, e.g. the `cwd` option). */
  readonly kind: SinkKind;
  readonly cwe: readonly Cwe[];
  /** How a call reads its arguments; absent when the export is only a tag. */
  readonly shape?: SinkShape;
  /** How a tagged-template use reads its interpolations; absent when it is not a tag. */
  readonly template?: TemplateQuoting;
  /** The export to suggest instead when the command part is static (`exec` → `execFile`). */
  readonly saferAlternative?: string;
}

/** One position of one sink call that a value can reach. */
export interface SinkPoint {
  readonly kind: SinkKind;
  readonly form: SinkForm;
  readonly cwe: Cwe;
  /** The expression whose value reaches the sink. */
  readonly node: TSESTree.Node;
  /** For `dash-c`: the program and flag (`sh`, `-c`). */
  readonly program?: string;
  readonly flag?: string;
  /** For paths: what the call operates on. */
  readonly target?: PathTarget;
  /** The call creates the file exclusively (`flag: 'wx'`): it fails rather than follow a link at that name. */
  readonly exclusive?: boolean;
}

/** A call (or tagged template) that matched the sink table. */
export interface SinkCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression | TSESTree.ImportExpression;
  readonly spec: SinkSpec;
  readonly unit: SourceUnit;
  readonly points: readonly SinkPoint[];
}

/** Where a tainted value ultimately comes from. */
export type TaintRoot =
  /** A parameter of a tool/prompt/resource handler; tainted below its input bindings. */
  | { readonly type: 'handler'; readonly handler: ToolHandler; readonly fn: FunctionNode; readonly index: number }
  /** A parameter of any other function: symbolic, resolved at each call (function summaries). */
  | { readonly type: 'param'; readonly fn: FunctionNode; readonly index: number }
  /** A source a {@link SourceModel} names (a catch parameter, an elicitation result, …). */
  | { readonly type: 'custom'; readonly node: TSESTree.Node; readonly label: string; readonly description: string };

/**
 * Sanitisation facts known about one tainted value. Only the fields of the sink kind being asked
 * about mean anything; absent is `false`.
 */
export interface FlowState {
  /** Normalised: `..` segments only at the start (`path.normalize`, `join`, `resolve`, `realpath`). */
  readonly normalized?: boolean;
  /** Known absolute (`path.resolve`, `realpath`). */
  readonly absolute?: boolean;
  /** Symbolic links resolved (`realpath`). */
  readonly realpath?: boolean;
  /** Contains no `..` (checked with `includes('..')`, or a normalised relative path checked with `startsWith('..')`). */
  readonly noDotDot?: boolean;
  /** Known relative (checked with `!path.isAbsolute(p)`). */
  readonly notAbsolute?: boolean;
  /** One path segment (`basename`): no separator, but possibly `.` or `..`; `safe-segment` excludes those. */
  readonly segment?: 'segment' | 'safe-segment';
  /** Inside a root up to its parent directory (`join(ROOT, basename(p))`: `..` reaches ROOT's parent). */
  readonly parentOnly?: boolean;
  /** Checked to be inside a root directory. */
  readonly contained?: boolean;
  /** Contained only by a `startsWith(root)` check without a trailing separator: the guard call. */
  readonly bypass?: TSESTree.Node;
  /** Where that check is applied in the caller, when it sits inside a helper (the helper call). */
  readonly bypassSite?: TSESTree.Node;
  /** Cannot start with `-` (so it cannot be read as an option). */
  readonly leadingSafe?: boolean;
  /** Contained as one file name directly under the root (no directory of the input in between). */
  readonly oneSegment?: boolean;
  /**
   * Where the value sits in a URL built around it: after a fixed origin and a `/` (`path`), or in
   * the query or fragment (`query`). Absent: it can reach the scheme or the authority (host).
   */
  readonly urlPart?: 'path' | 'query';
  /** Percent-encoded for a URL component (`encodeURIComponent`): no `/`, `?`, `#`, `@` or `:` of its own. */
  readonly urlEncoded?: boolean;
  /**
   * `contained` holds only if these parameters of a helper receive server-controlled values: the
   * helper checked against a root it was passed (`inside(root, p)`), settled at each call.
   */
  readonly containedIf?: readonly ParamRef[];
  /**
   * In a function's summary (path analysis): the value is still its parameter's, up to changes that
   * keep a contained path inside (`join(p, 'x')`, `${p}.bak`), so the caller's containment of what it
   * passes still holds. Absent: the function rebuilt the path (`p + '/..'`), and only what it
   * checked itself counts.
   */
  readonly fromCaller?: boolean;
}

/** Parameter `index` of function `fn`. */
export interface ParamRef {
  readonly fn: FunctionNode;
  readonly index: number;
}

/**
 * One tainted component of a value: where it comes from, the access path read from that root
 * (`args.path` is root `args`, path `['path']`), and what has been checked about it.
 */
export interface Origin {
  readonly root: TaintRoot;
  /** Property path read from the root (`['params', 'arguments', 'path']`). */
  readonly path: readonly string[];
  /**
   * The value is data computed from the root (a string built from it), not the root object itself:
   * member reads no longer narrow the access path.
   */
  readonly derived: boolean;
  /** Where inside the current value this origin sits (`{ cmd: x }` holds x at `['cmd']`); `'*'` is any key. */
  readonly at: readonly string[];
  readonly state: FlowState;
  /** A schema that validated the value at `path` (its top-level field constraints apply to the next read). */
  readonly schema?: InputSchema;
}

/** A value as the analysis sees it: the tainted components (empty = clean). */
export type TaintValue = readonly Origin[];

/** Describes a source for messages. */
export interface SourceInfo {
  /** The expression or parameter where the input enters. */
  readonly node: TSESTree.Node;
  /** `args.path`, `request.params.arguments.cmd`, `name` (a destructured parameter). */
  readonly label: string;
  /** `'arguments'` for tool/prompt arguments and template variables; `'secondary'` for `_meta`, headers, …; `'custom'` for other models. */
  readonly origin: InputBinding['origin'] | 'custom';
  /** How to qualify it in a message: `''`, `client-controlled \`_meta\``, `resource URI`, … */
  readonly description: string;
  readonly handler: ToolHandler | null;
}

/** A function the flow went through on its way out of the linted file. */
export interface FlowStep {
  /** The call in the caller. */
  readonly call: TSESTree.Node;
  /** The callee's name as written (`toMarkdown`, `Converter.run`). */
  readonly name: string;
  readonly fn: FunctionNode;
  readonly unit: SourceUnit;
}

/** How a path flow got past its checks, if it did only partly. */
export type FlowWeakness =
  /** Only a `startsWith(root)` check without a trailing separator stands in the way. */
  | {
      readonly type: 'prefix-bypass';
      /** The `startsWith` call. */
      readonly guard: TSESTree.Node;
      readonly guardUnit: SourceUnit;
      /** The helper call that applies the check, when the check sits in a helper. */
      readonly site?: TSESTree.Node;
    }
  /** Contained, but never `realpath`ed: a symbolic link inside the root can point outside. */
  | { readonly type: 'symlink' };

/** Tool input that reaches a sink. */
export interface Flow {
  readonly kind: SinkKind;
  readonly source: SourceInfo;
  readonly sink: {
    readonly call: SinkCall;
    readonly point: SinkPoint;
    /** `exec()`, `fs.readFile()`. */
    readonly label: string;
    /** Absolute file name of the sink (differs from the linted file for cross-module flows). */
    readonly file: string;
    readonly line: number;
  };
  /**
   * The node in the linted file to report on: the sink position itself, the guard of a
   * prefix bypass, or the call that leads out of the file for cross-module flows.
   */
  readonly entry: TSESTree.Node;
  /** Functions in other modules the flow goes through, outermost first (empty within one file). */
  readonly via: readonly FlowStep[];
  readonly weakness?: FlowWeakness;
  readonly origin: Origin;
}

/**
 * Names sources besides tool input (a catch parameter for `no-error-leak`). Consulted for every
 * variable and expression the analysis reads, before the tool-input model.
 */
export interface SourceModel {
  /** A root for a variable's definition (e.g. a catch-clause parameter), or `null`. */
  variableRoot?(variable: TSESLint.Scope.Variable, unit: SourceUnit): TaintRoot | null;
  /** A root for an expression that is itself a source (e.g. `await server.elicitInput(…)`), or `null`. */
  expressionRoot?(node: TSESTree.Node, unit: SourceUnit): TaintRoot | null;
  /**
   * The expression carries none of this model's taint, whatever it reads (e.g. the issues of an
   * error narrowed to `ZodError`). Consulted before {@link expressionRoot}.
   */
  isClean?(node: TSESTree.Node, unit: SourceUnit): boolean;
  /** Whether handler input bindings are sources (default `true`). */
  readonly toolInput?: boolean;
}
