import type { TSESTree } from '@typescript-eslint/utils';

import { getStaticString, resolveValue, unwrapExpression } from '../util/ast.js';
import { GLOBAL_MODULE, getModuleRef, isRef, type ModuleRef } from '../util/module-refs.js';
import { getVariable, type SourceUnit } from '../util/source-unit.js';
import { instanceMethodRef } from './sinks.js';
import type { SinkKind } from './types.js';

/*
 * Small, conservative checks the sanitizer catalogue needs: what characters an anchored regular
 * expression admits, whether a root string provably ends with a path separator, and the packages
 * whose functions escape, confine or validate.
 */

/** A set of characters: ASCII code points, plus whether anything outside ASCII can appear. */
export interface CharSet {
  readonly ascii: ReadonlySet<number>;
  readonly nonAscii: boolean;
}

/** What a whole-string regular expression admits: every character, and the possible first characters. */
export interface RegexShape {
  readonly chars: CharSet;
  readonly first: CharSet;
  /** The empty string matches. */
  readonly canBeEmpty: boolean;
}

const ALL_ASCII: number[] = Array.from({ length: 128 }, (_, i) => i);

function set(codes: Iterable<number>, nonAscii = false): CharSet {
  return { ascii: new Set(codes), nonAscii };
}

function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: new Set([...a.ascii, ...b.ascii]), nonAscii: a.nonAscii || b.nonAscii };
}

function range(from: string, to: string): number[] {
  const out: number[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(c);
  return out;
}

const DIGITS = range('0', '9');
const WORD = [...range('a', 'z'), ...range('A', 'Z'), ...DIGITS, '_'.charCodeAt(0)];
const SPACE = [9, 10, 11, 12, 13, 32];
const EMPTY = set([]);
const ANY = set(ALL_ASCII, true);

function complement(chars: CharSet): CharSet {
  return set(ALL_ASCII.filter((c) => !chars.ascii.has(c)), true);
}

function withCase(chars: CharSet): CharSet {
  const out = new Set(chars.ascii);
  for (const c of chars.ascii) {
    const ch = String.fromCharCode(c);
    out.add(ch.toLowerCase().charCodeAt(0));
    out.add(ch.toUpperCase().charCodeAt(0));
  }
  return { ascii: out, nonAscii: chars.nonAscii };
}

/** A term of a parsed pattern: the characters it can contribute, the first ones, and whether it can be empty. */
interface Term {
  chars: CharSet;
  first: CharSet;
  optional: boolean;
}

class PatternParser {
  private i = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  /** The whole pattern as an alternation; `null` when some construct is not understood. */
  parseAlternation(stopAt: string | null): Term | null {
    const branches: Term[] = [];
    for (;;) {
      const branch = this.parseSequence(stopAt);
      if (!branch) return null;
      branches.push(branch);
      if (this.src[this.i] === '|') {
        this.i++;
        continue;
      }
      break;
    }
    return branches.reduce((a, b) => ({ chars: union(a.chars, b.chars), first: union(a.first, b.first), optional: a.optional || b.optional }));
  }

  private parseSequence(stopAt: string | null): Term | null {
    let chars = EMPTY;
    let first = EMPTY;
    let optional = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== stopAt) {
      const atom = this.parseAtom();
      if (atom === null) return null;
      if (atom === 'zero-width') continue;
      const quantified = this.parseQuantifier(atom);
      if (!quantified) return null;
      chars = union(chars, quantified.chars);
      if (optional) first = union(first, quantified.first);
      optional = optional && quantified.optional;
    }
    return { chars, first, optional };
  }

  private parseQuantifier(atom: Term): Term | null {
    const ch = this.src[this.i];
    let min = 1;
    if (ch === '*' || ch === '?') {
      min = 0;
      this.i++;
    } else if (ch === '+') {
      this.i++;
    } else if (ch === '{') {
      const match = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (!match) return null;
      min = Number(match[1]);
      this.i += match[0].length;
    }
    if (this.src[this.i] === '?') this.i++; // lazy
    return min === 0 ? { ...atom, optional: true } : atom;
  }

  private parseAtom(): Term | 'zero-width' | null {
    const ch = this.src[this.i];
    if (ch === undefined) return null;
    if (ch === '^' || ch === '$') return null; // anchors inside the body: not understood
    if (ch === '(') {
      this.i++;
      if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i) || this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
        // Lookarounds restrict but add nothing; skip them conservatively.
        const inner = this.skipGroup();
        return inner ? 'zero-width' : null;
      }
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?<', this.i)) {
        const close = this.src.indexOf('>', this.i);
        if (close < 0) return null;
        this.i = close + 1;
      }
      const inner = this.parseAlternation(')');
      if (!inner || this.src[this.i] !== ')') return null;
      this.i++;
      return inner;
    }
    if (ch === '[') return this.parseClass();
    if (ch === '.') {
      this.i++;
      return term(ANY);
    }
    if (ch === '\\') {
      const escaped = this.parseEscape();
      if (escaped === 'zero-width') return 'zero-width';
      return escaped ? term(escaped) : null;
    }
    if ('*+?{}|)'.includes(ch)) return null;
    this.i++;
    return term(this.caseOf(set([ch.charCodeAt(0)], ch.charCodeAt(0) > 127)));
  }

  private skipGroup(): boolean {
    let depth = 1;
    while (this.i < this.src.length && depth > 0) {
      const ch = this.src[this.i];
      if (ch === '\\') this.i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      this.i++;
    }
    return depth === 0;
  }

  private caseOf(chars: CharSet): CharSet {
    return this.ignoreCase ? withCase(chars) : chars;
  }

  /** After a backslash (outside or inside a class). */
  private parseEscape(): CharSet | 'zero-width' | null {
    this.i++;
    const ch = this.src[this.i];
    if (ch === undefined) return null;
    this.i++;
    switch (ch) {
      case 'w': return set(WORD);
      case 'd': return set(DIGITS);
      case 's': return set(SPACE, true);
      case 'W': return complement(set(WORD));
      case 'D': return complement(set(DIGITS));
      case 'S': return complement(set(SPACE));
      case 'b': case 'B': return 'zero-width';
      case 'n': return set([10]);
      case 'r': return set([13]);
      case 't': return set([9]);
      case 'v': return set([11]);
      case 'f': return set([12]);
      case '0': return set([0]);
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!hex) return null;
        this.i += 2;
        const code = parseInt(hex[0], 16);
        return this.caseOf(set([code], code > 127));
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
        if (!hex) return null;
        this.i += 4;
        const code = parseInt(hex[0], 16);
        return code < 128 ? this.caseOf(set([code])) : set([], true);
      }
      case 'p': case 'P':
        return null; // Unicode property classes: not analysed.
      default:
        if (/[a-zA-Z]/.test(ch)) return null; // an escape we do not know
        return this.caseOf(set([ch.charCodeAt(0)], ch.charCodeAt(0) > 127));
    }
  }

  private parseClass(): Term | null {
    this.i++;
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let chars = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let low: CharSet | 'zero-width' | null;
      let lowCode: number | null = null;
      if (this.src[this.i] === '\\') {
        const before = this.i;
        low = this.parseEscape();
        if (low === 'zero-width' || low === null) return null;
        const single = [...low.ascii];
        if (single.length === 1 && !low.nonAscii && this.i - before === 2) lowCode = single[0] ?? null;
      } else {
        const ch = this.src[this.i] as string;
        lowCode = ch.charCodeAt(0);
        low = set([lowCode], lowCode > 127);
        this.i++;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined && lowCode !== null) {
        this.i++;
        let highCode: number;
        if (this.src[this.i] === '\\') {
          const high = this.parseEscape();
          if (high === 'zero-width' || high === null || high.ascii.size !== 1) return null;
          highCode = [...high.ascii][0] as number;
        } else {
          highCode = (this.src[this.i] as string).charCodeAt(0);
          this.i++;
        }
        if (highCode < lowCode) return null;
        const codes: number[] = [];
        for (let c = lowCode; c <= Math.min(highCode, 127); c++) codes.push(c);
        chars = union(chars, set(codes, highCode > 127));
        continue;
      }
      chars = union(chars, low);
    }
    if (this.src[this.i] !== ']') return null;
    this.i++;
    const resolved = this.caseOf(negated ? complement(this.caseOf(chars)) : chars);
    return term(resolved);
  }
}

function term(chars: CharSet): Term {
  return { chars, first: chars, optional: false };
}

/**
 * The shape of a regular expression that must match a whole string (`^…$`, no top-level `|`, no
 * `m` flag), or `null` when it is not anchored that way or uses constructs the analysis does not
 * understand (it is conservative: `null` credits nothing).
 */
export function analyzeWholeStringRegex(pattern: string, flags: string): RegexShape | null {
  if (flags.includes('m')) return null;
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return null;
  const body = pattern.slice(1, -1);
  const parser = new PatternParser(body, flags.includes('i'));
  const parsed = parser.parseAlternation(null);
  if (!parsed) return null;
  // A top-level alternation such as `^a|b$` anchors only its ends: refuse it.
  if (hasTopLevelAlternation(body)) return null;
  return { chars: parsed.chars, first: parsed.first, canBeEmpty: parsed.optional };
}

function hasTopLevelAlternation(body: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The characters `s.replace(/[^…]/g, r)` leaves: the kept class plus the replacement. `null` unless
 * the pattern is one negated character class (optionally `+`/`*`) with the `g` flag and `r` static.
 */
export function analyzeStrippingReplace(pattern: string, flags: string, replacement: string): RegexShape | null {
  if (!flags.includes('g') || !pattern.startsWith('[^')) return null;
  const end = pattern.endsWith(']+') || pattern.endsWith(']*') ? pattern.length - 1 : pattern.length;
  const parser = new PatternParser(pattern.slice(0, end), flags.includes('i'));
  const parsed = parser.parseAlternation(null);
  if (!parsed || pattern.slice(end).replace(/^[+*]$/, '') !== '') return null;
  if (!/^\[\^(?:[^\]\\]|\\.)*\]$/.test(pattern.slice(0, end))) return null;
  const kept = complement(parsed.chars);
  const kept2: CharSet = { ascii: kept.ascii, nonAscii: false };
  const codes = Array.from({ length: replacement.length }, (_, i) => replacement.charCodeAt(i));
  const extra = set(codes, codes.some((c) => c > 127));
  const chars = union(kept2, extra);
  return { chars, first: chars, canBeEmpty: true };
}

function has(chars: CharSet, ch: string): boolean {
  return chars.ascii.has(ch.charCodeAt(0));
}

/** Characters a shell treats as plain text inside an unquoted word. */
const SHELL_SAFE = new Set([...WORD, ...Array.from({ length: 8 }, (_, i) => '.-/:@+=,'.charCodeAt(i))]);

/** How a regex-validated value is sanitized for a sink kind. */
export interface RegexVerdict {
  /** Harmless for the kind: drop it. */
  readonly clean: boolean;
  readonly leadingSafe: boolean;
  readonly safeSegment: boolean;
  readonly noDotDot: boolean;
  readonly notAbsolute: boolean;
}

/**
 * What a whole-string regex check proves for a sink kind:
 * - `command`: every admitted character is shell-plain (letters, digits, `_ . - / : @ + = ,`; no
 *   whitespace, quotes, `$`, backticks, `;&|<>()*?[]{}~#%!\`, no non-ASCII).
 * - `argument`: the first character cannot be `-`.
 * - `path`: no `/` or `\` and a first character other than `.` makes one safe segment (never `.`
 *   or `..`); no `.` at all rules out `..`; no `/`, `\` first rules out absolute paths.
 */
export function regexVerdict(shape: RegexShape, kind: SinkKind): RegexVerdict {
  const leadingSafe = !has(shape.first, '-');
  const noSeparator = !has(shape.chars, '/') && !has(shape.chars, '\\');
  const safeSegment = noSeparator && !has(shape.first, '.') && !shape.canBeEmpty;
  const noDotDot = !has(shape.chars, '.');
  const notAbsolute = !has(shape.first, '/') && !has(shape.first, '\\');
  let clean = false;
  if (kind === 'command') clean = !shape.chars.nonAscii && [...shape.chars.ascii].every((c) => SHELL_SAFE.has(c));
  else if (kind === 'argument') clean = leadingSafe;
  return { clean, leadingSafe, safeSegment, noDotDot, notAbsolute };
}

/** The regex literal an expression is (through `const`), with its flags. */
export function getRegexLiteral(unit: SourceUnit, node: TSESTree.Node): { pattern: string; flags: string } | null {
  const value = resolveValue(unit, node);
  if (value.type === 'Literal' && 'regex' in value) return { pattern: value.regex.pattern, flags: value.regex.flags };
  // new RegExp('^…$')
  if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'RegExp') {
    const [source, flags] = value.arguments;
    const pattern = source && source.type !== 'SpreadElement' ? getStaticString(unit, source) : null;
    const flagText = flags && flags.type !== 'SpreadElement' ? getStaticString(unit, flags) : '';
    return pattern === null || flagText === null ? null : { pattern, flags: flagText };
  }
  return null;
}

const PATH_MODULES = new Set(['path', 'path/posix', 'path/win32', 'upath', 'pathe']);

/** The `path` function a callee names (`join`, `resolve`, … also `path.posix.join`), or `null`. */
export function getPathFunction(callee: TSESTree.Node): string | null {
  const ref = getModuleRef(callee);
  if (!ref || !PATH_MODULES.has(ref.module)) return null;
  const path = ref.path[0] === 'posix' || ref.path[0] === 'win32' ? ref.path.slice(1) : ref.path;
  return path.length === 1 ? (path[0] ?? null) : null;
}

/** `path.sep`, `path.posix.sep`, `'/'`, `'\\'`. */
export function isSeparator(unit: SourceUnit, node: TSESTree.Node): boolean {
  const text = getStaticString(unit, node);
  if (text === '/' || text === '\\') return true;
  const ref = getModuleRef(unwrapExpression(node));
  if (!ref || !PATH_MODULES.has(ref.module)) return false;
  return ref.path[ref.path.length - 1] === 'sep';
}

/**
 * True when a root expression provably ends with a path separator, so `p.startsWith(root)` cannot
 * accept a sibling (`/srv/data-evil` for `/srv/data`): `ROOT + path.sep`, `` `${ROOT}${sep}` ``,
 * `ROOT + '/'`, a constant ending in `/`, a `const` bound to one of those, or
 * `ROOT.endsWith(sep) ? ROOT : ROOT + sep`.
 */
export function endsWithSeparator(unit: SourceUnit, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 6) return false;
  const value = unwrapExpression(node);
  const text = getStaticString(unit, value);
  if (text !== null) return text.endsWith('/') || text.endsWith('\\');
  if (isSeparator(unit, value)) return true;
  if (value.type === 'BinaryExpression' && value.operator === '+') return endsWithSeparator(unit, value.right, depth + 1);
  if (value.type === 'TemplateLiteral') {
    const last = value.quasis[value.quasis.length - 1];
    const tail = last?.value.cooked ?? '';
    if (tail !== '') return tail.endsWith('/') || tail.endsWith('\\');
    const expression = value.expressions[value.expressions.length - 1];
    return expression !== undefined && endsWithSeparator(unit, expression, depth + 1);
  }
  if (value.type === 'ConditionalExpression') {
    // root.endsWith(sep) ? root : root + sep
    const test = unwrapExpression(value.test);
    const provenByTest = test.type === 'CallExpression' && test.callee.type === 'MemberExpression' &&
      test.callee.property.type === 'Identifier' && test.callee.property.name === 'endsWith' && test.arguments[0] !== undefined &&
      test.arguments[0].type !== 'SpreadElement' && isSeparator(unit, test.arguments[0]);
    return (provenByTest || endsWithSeparator(unit, value.consequent, depth + 1)) && endsWithSeparator(unit, value.alternate, depth + 1);
  }
  if (value.type === 'CallExpression' && getPathFunction(value.callee) === 'join') {
    const last = value.arguments[value.arguments.length - 1];
    return last !== undefined && last.type !== 'SpreadElement' && isSeparator(unit, last);
  }
  const resolved = resolveValue(unit, value);
  return resolved !== value && endsWithSeparator(unit, resolved, depth + 1);
}

/** Global functions whose result is a number or a boolean. */
const NUMBER_GLOBALS = new Set([
  'Date.now', 'Number', 'parseInt', 'parseFloat', 'Number.parseInt', 'Number.parseFloat', 'Number.isInteger', 'Number.isFinite',
  'Number.isSafeInteger', 'Number.isNaN', 'isNaN', 'isFinite', 'Boolean', 'performance.now', 'Date.parse', 'Date.UTC',
]);
/** `Date` methods whose result has no separator: numbers, and the ISO format (`2025-01-31T12:00:00.000Z`). */
const PLAIN_DATE_METHODS = new Set([
  'getTime', 'valueOf', 'toISOString', 'toJSON', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds',
  'getMilliseconds', 'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes', 'getUTCSeconds',
  'getUTCMilliseconds', 'getTimezoneOffset',
]);
/** Methods whose result, on plain text, is plain text (a number's digits in another form, a case change). */
const PLAIN_KEEPING_METHODS = new Set(['toString', 'toFixed', 'toPrecision', 'toExponential', 'toLowerCase', 'toUpperCase']);
const NUMBER_PROPERTIES = new Set(['length', 'size', 'byteLength']);

/**
 * True when the text of a value provably holds no path separator (`/`, `\`) and is never empty or
 * only dots: appended to a path it can only lengthen the name of the last segment, never add a
 * segment or make `.`/`..` of one. Numbers (literals, arithmetic, `Date.now()`, `Math.*`, `.length`,
 * `process.pid`), booleans, `typeof`, `crypto.randomUUID()`, `randomBytes(n).toString('hex')`, a
 * `new Date()`'s numbers and `toISOString()`, static text of that kind, and `const`s, templates, `+`,
 * conditionals, `String()`,
 * `toString()`/`toFixed()` and `.replace(…, r)` (r static and plain) of those. Anything else is not
 * (`toLocaleDateString()` can hold `/`), whoever controls it.
 */
export function isPlainText(unit: SourceUnit, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 6) return false;
  const value = unwrapExpression(node);
  const text = getStaticString(unit, value);
  if (text !== null) return !/[\\/]/.test(text) && /[^.]/.test(text);
  const plain = (n: TSESTree.Node): boolean => isPlainText(unit, n, depth + 1);
  switch (value.type) {
    case 'Literal':
      return !('regex' in value) && (typeof value.value === 'number' || typeof value.value === 'boolean' || 'bigint' in value);
    case 'UnaryExpression':
      // -x, +x, ~x: numbers; !x, delete: booleans; typeof: a type name; void: `undefined`.
      return true;
    case 'UpdateExpression':
      return true;
    case 'BinaryExpression':
      // Arithmetic and comparisons give numbers and booleans; `+` concatenates when either side is text.
      return value.operator !== '+' || (plain(value.left) && plain(value.right));
    case 'LogicalExpression':
      return plain(value.left) && plain(value.right);
    case 'ConditionalExpression':
      return plain(value.consequent) && plain(value.alternate);
    case 'TemplateLiteral': {
      const quasis = value.quasis.map((q) => q.value.cooked ?? q.value.raw);
      if (quasis.some((q) => /[\\/]/.test(q)) || !value.expressions.every((e) => plain(e))) return false;
      return value.expressions.length > 0 || quasis.some((q) => /[^.]/.test(q));
    }
    case 'Identifier': {
      const variable = getVariable(unit, value);
      if (['undefined', 'NaN', 'Infinity'].includes(value.name)) return !variable || variable.defs.length === 0;
      const resolved = resolveValue(unit, value);
      return resolved !== value && plain(resolved);
    }
    case 'MemberExpression': {
      const name = value.computed ? null : value.property.type === 'Identifier' ? value.property.name : null;
      if (name !== null && NUMBER_PROPERTIES.has(name)) return true;
      const ref = getModuleRef(value);
      if (ref?.module === 'process') return ref.path.length === 1 && (ref.path[0] === 'pid' || ref.path[0] === 'ppid');
      return ref?.module === GLOBAL_MODULE && (ref.path[0] === 'Math' || ref.path[0] === 'Number') && ref.path.length === 2;
    }
    case 'CallExpression':
      return isPlainCall(unit, value, plain);
    default:
      return false;
  }
}

function isPlainCall(unit: SourceUnit, call: TSESTree.CallExpression, plain: (n: TSESTree.Node) => boolean): boolean {
  const [first, second] = call.arguments;
  const ref = getModuleRef(call.callee);
  if (ref?.module === GLOBAL_MODULE) {
    const name = ref.path.join('.');
    if (NUMBER_GLOBALS.has(name) || (ref.path[0] === 'Math' && ref.path.length === 2) || name === 'crypto.randomUUID') return true;
    if (name === 'String') return first !== undefined && first.type !== 'SpreadElement' && plain(first);
  }
  if (ref?.module === 'crypto') return ref.path.join('.') === 'randomUUID' || ref.path.join('.') === 'randomInt';
  if (ref?.module === 'process') return ['uptime', 'hrtime.bigint'].includes(ref.path.join('.'));
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if (PLAIN_DATE_METHODS.has(method) && isNewDate(unit, callee.object)) return true;
  if (method === 'toString' && isRandomBytes(callee.object)) {
    // Hex (or base64url) of at least one random byte: `[0-9a-f]+`, never empty, no separator.
    const encoding = first && first.type !== 'SpreadElement' ? getStaticString(unit, first) : null;
    return encoding === 'hex' || encoding === 'base64url';
  }
  if (PLAIN_KEEPING_METHODS.has(method)) return plain(callee.object);
  if (method === 'replace' || method === 'replaceAll') {
    // A match is replaced by `r`, which brings a character other than a dot; no match leaves the text.
    const replacement = second && second.type !== 'SpreadElement' ? getStaticString(unit, second) : null;
    return first !== undefined && replacement !== null && !/[\\/$]/.test(replacement) && /[^.]/.test(replacement) && plain(callee.object);
  }
  return false;
}

/** `crypto.randomBytes(n)` with `n` a positive number literal. */
function isRandomBytes(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== 'CallExpression') return false;
  const ref = getModuleRef(value.callee);
  const isCrypto = (ref?.module === 'crypto' && ref.path.join('.') === 'randomBytes') || (ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'crypto.randomBytes');
  const size = value.arguments[0] ? unwrapExpression(value.arguments[0]) : null;
  return isCrypto && size?.type === 'Literal' && typeof size.value === 'number' && size.value >= 1;
}

/** `new Date(…)`, directly or through a `const`. */
function isNewDate(unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = resolveValue(unit, node);
  if (value.type !== 'NewExpression') return false;
  const ref = getModuleRef(value.callee);
  return ref?.module === GLOBAL_MODULE && ref.path.join('.') === 'Date';
}

/** How a known package function treats its argument. */
export type KnownFunction =
  /** Escapes for a POSIX shell (shell-quote, shell-escape, shescape): harmless in a command line. */
  | 'shell-escape'
  /** Returns one safe file-name segment (sanitize-filename, filenamify). */
  | 'safe-segment'
  /** Resolves a path inside a root and throws otherwise (resolve-path). */
  | 'contain'
  /** A containment predicate: `(child, parent)` (is-path-inside, path-is-inside). */
  | 'inside-predicate'
  /** A validator whose `true` means the value is alphanumeric / numeric / a UUID (validator.js). */
  | 'validator';

const KNOWN: readonly { module: string; path: readonly string[]; behaviour: KnownFunction }[] = [
  { module: 'shell-quote', path: ['quote'], behaviour: 'shell-escape' },
  { module: 'shell-escape', path: [], behaviour: 'shell-escape' },
  { module: 'any-shell-escape', path: [], behaviour: 'shell-escape' },
  { module: 'shescape', path: ['quote'], behaviour: 'shell-escape' },
  { module: 'shescape', path: ['quoteAll'], behaviour: 'shell-escape' },
  { module: 'sanitize-filename', path: [], behaviour: 'safe-segment' },
  { module: 'filenamify', path: [], behaviour: 'safe-segment' },
  { module: 'resolve-path', path: [], behaviour: 'contain' },
  { module: 'is-path-inside', path: [], behaviour: 'inside-predicate' },
  { module: 'path-is-inside', path: [], behaviour: 'inside-predicate' },
  ...['isAlphanumeric', 'isAlpha', 'isNumeric', 'isInt', 'isFloat', 'isUUID', 'isHexadecimal', 'isBoolean', 'isPort'].map((name) => ({
    module: 'validator', path: [name], behaviour: 'validator' as const,
  })),
];

/** The behaviour of a known sanitizing or validating package function, or `null`. */
export function getKnownFunction(callee: TSESTree.Node): KnownFunction | null {
  const ref: ModuleRef | null = getModuleRef(callee);
  if (!ref) return null;
  // `import validator from 'validator'; validator.isInt(x)` and `import isInt from 'validator/lib/isInt'`.
  const normalized = ref.module.startsWith('validator/lib/') ? { module: 'validator', path: [ref.module.slice('validator/lib/'.length)] } : ref;
  return KNOWN.find((k) => isRef(normalized, k.module, ...k.path))?.behaviour ?? null;
}

/** Functions that quote a value for SQL text: identifiers (`%I`, `escapeIdentifier`, `escapeId`) and literals. */
const SQL_ESCAPES: readonly { module: string; path: readonly string[] }[] = [
  ...['ident', 'literal', 'quoteIdent', 'quoteLiteral'].map((name) => ({ module: 'pg-format', path: [name] })),
  ...['escapeIdentifier', 'escapeLiteral'].map((name) => ({ module: 'pg', path: [name] })),
  ...['Client', 'Pool'].flatMap((creator) => ['escapeIdentifier', 'escapeLiteral'].map((name) => ({ module: 'pg', path: [creator, '#', name] }))),
  ...['mysql', 'mysql2', 'sqlstring'].flatMap((module) => ['escape', 'escapeId'].map((name) => ({ module, path: [name] }))),
  ...['mysql', 'mysql2'].flatMap((module) => ['createConnection', 'createPool'].flatMap((creator) => ['escape', 'escapeId'].map((name) => ({ module, path: [creator, '#', name] })))),
];

/**
 * How a call treats SQL text: `'escaped'` when it returns its input quoted (`format.ident(x)`,
 * `client.escapeIdentifier(x)`, `mysql.escape(x)`, pg-format's `format(text, …)` with a static text
 * that uses only `%I`/`%L`), `'text'` for pg-format with `%s` (it inserts the value raw), else `null`.
 */
export function sqlEscapeOf(unit: SourceUnit, call: TSESTree.CallExpression): 'escaped' | 'text' | null {
  const direct = getModuleRef(call.callee);
  const instance = instanceMethodRef(call.callee);
  const isEscape = (r: ModuleRef | null): boolean => r !== null && SQL_ESCAPES.some((e) => e.module === (r.module === 'mysql2/promise' ? 'mysql2' : r.module) && e.path.join('.') === r.path.join('.'));
  if (isEscape(direct) || isEscape(instance)) return 'escaped';
  const ref = direct;
  if (!ref) return null;
  const module = ref.module;
  if (module === 'pg-format' && (ref.path.length === 0 || ref.path.join('.') === 'withArray')) {
    const [text] = call.arguments;
    const format = text && text.type !== 'SpreadElement' ? getStaticString(unit, text) : null;
    return format !== null && !/%(\d+\$)?s/.test(format) ? 'escaped' : 'text';
  }
  return null;
}
