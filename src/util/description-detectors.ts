/**
 * Detectors for tool poisoning in LLM-visible descriptions. Pure functions of the text, each linear
 * in its length: every regular expression here starts with a literal or a short, bounded class and
 * has only bounded quantifiers, so no input makes one backtrack more than a constant amount per
 * position (tests feed megabyte-sized adversarial strings).
 *
 * Where the line is: descriptions may say what a tool does, what it returns, when to use it or not
 * ("Use this when…", "Do not use for binary files", "Use `read_text_file` instead"), and what the
 * inputs must look like ("Paths must be absolute"). They are reported when they try to override the
 * model's instructions, keep things from the user, carry prompt markup, make the model do something
 * other than call this tool (read a file first, pass its content along, call another tool first),
 * direct how *other* tools behave (shadowing), name credential files, hide characters, or smuggle
 * encoded text.
 */

export type InjectionCategory = 'instruction' | 'toolReference' | 'sensitiveReference' | 'hiddenCharacter' | 'encodedPayload';

export interface InjectionFinding {
  readonly category: InjectionCategory;
  /** The offending text as written (not yet escaped for display). */
  readonly fragment: string;
  /** `hiddenCharacter`: how many and which; `encodedPayload`: the decoded text. */
  readonly detail: string;
}

export interface DetectorOptions {
  /** Names of the tools registered in the same file (a shadowing reference names one of them). */
  readonly toolNames?: readonly string[];
  /** The name of the tool the description belongs to: mentioning itself is fine. */
  readonly ownName?: string | null;
}

/** Findings in `text`, at most one per category, in the order of {@link CATEGORY_ORDER}. */
export function findInjections(text: string, options: DetectorOptions = {}): InjectionFinding[] {
  const findings: InjectionFinding[] = [];
  const ownName = options.ownName?.toLowerCase() ?? null;
  const { lower, cased } = normalize(text);
  const phrases = scanPhrases({ text: lower, cased, ownName, siblings: options.toolNames ? getSiblingNames(options.toolNames) : [] });
  // One phrase is one finding: shadowing wins over the instruction it overlaps.
  const reference = firstFree(phrases.toolReference, []);
  const instruction = firstFree(phrases.instruction, reference ? [reference] : []);
  const sensitive = firstFree(phrases.sensitiveReference, []);
  if (instruction) findings.push({ category: 'instruction', fragment: originalSlice(text, instruction), detail: '' });
  if (reference) findings.push({ category: 'toolReference', fragment: originalSlice(text, reference), detail: '' });
  if (sensitive) findings.push({ category: 'sensitiveReference', fragment: originalSlice(text, sensitive), detail: '' });
  const hidden = findHiddenCharacters(text);
  if (hidden) findings.push(hidden);
  const encoded = findEncodedPayload(text);
  if (encoded) findings.push(encoded);
  return findings;
}

/** Tool names as the scan compares them (lower case), once per list. */
const siblingNames = new WeakMap<readonly string[], readonly string[]>();

function getSiblingNames(toolNames: readonly string[]): readonly string[] {
  let names = siblingNames.get(toolNames);
  if (!names) {
    names = toolNames.map((name) => name.toLowerCase());
    siblingNames.set(toolNames, names);
  }
  return names;
}

export const CATEGORY_ORDER: readonly InjectionCategory[] = ['instruction', 'toolReference', 'sensitiveReference', 'hiddenCharacter', 'encodedPayload'];

/** Invisible or text-reordering code points, with the names messages use. */
const HIDDEN_RANGES: readonly (readonly [number, number, string])[] = [
  [0x00ad, 0x00ad, 'soft hyphen'],
  [0x034f, 0x034f, 'combining grapheme joiner'],
  [0x061c, 0x061c, 'Arabic letter mark'],
  [0x115f, 0x1160, 'Hangul filler'],
  [0x180e, 0x180e, 'Mongolian vowel separator'],
  [0x200b, 0x200b, 'zero-width space'],
  [0x200c, 0x200c, 'zero-width non-joiner'],
  [0x200d, 0x200d, 'zero-width joiner'],
  [0x200e, 0x200f, 'bidirectional mark'],
  [0x202a, 0x202e, 'bidirectional control'],
  [0x2060, 0x2060, 'word joiner'],
  [0x2061, 0x2064, 'invisible operator'],
  [0x2066, 0x2069, 'bidirectional isolate'],
  [0x3164, 0x3164, 'Hangul filler'],
  [0xfeff, 0xfeff, 'zero-width no-break space'],
  [0xffa0, 0xffa0, 'Hangul filler'],
  [0xe0000, 0xe007f, 'Unicode tag character'],
  [0xe0100, 0xe01ef, 'variation selector'],
];

/** The name of a hidden code point (control characters other than tab and newlines count). */
export function getHiddenCharacterName(cp: number): string | null {
  if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d ? null : 'control character';
  if (cp >= 0x7f && cp <= 0x9f) return 'control character';
  if (cp < 0xad) return null;
  for (const [from, to, name] of HIDDEN_RANGES) if (cp >= from && cp <= to) return name;
  return null;
}

const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LETTER = /\p{L}/u;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/**
 * Hidden code points, except the joiners emoji and scripts need: a zero-width joiner between two
 * pictographs (👨‍👩‍👧), a (non-)joiner between two non-Latin letters (Persian, Indic), and the tag
 * sequence of a subdivision flag (🏴 + up to 7 tag letters + cancel tag).
 */
function findHiddenCharacters(text: string): InjectionFinding | null {
  let count = 0;
  let first = -1;
  let firstName = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Fast path: printable ASCII and most of the BMP are never hidden.
    if (unit >= 0x20 && unit < 0x7f) continue;
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const name = getHiddenCharacterName(cp);
    if (name !== null && !isLegitimateJoiner(text, i, cp, width)) {
      const flag = cp >= 0xe0020 && cp <= 0xe007e ? flagTagSequenceEnd(text, i) : -1;
      if (flag > i) {
        i = flag - 1;
        continue;
      }
      count++;
      if (first < 0) {
        first = i;
        firstName = `${name}, U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      }
    }
    i += width - 1;
  }
  if (first < 0) return null;
  const start = Math.max(0, first - 20);
  // "an Arabic letter mark", "an invisible operator", but "a Unicode tag character".
  const article = /^[aeioAEIO]/.test(firstName) ? 'an' : 'a';
  return {
    category: 'hiddenCharacter',
    fragment: sliceCodePoints(text, start, Math.min(text.length, first + 30)),
    detail: count === 1 ? `${article} ${firstName}` : `${formatCount(count)} hidden characters (the first ${article} ${firstName})`,
  };
}

/**
 * A fragment as messages quote it: hidden and control characters as escapes (`\u200b`,
 * `\u{e0041}`, `\n`), and at most `max` characters (code points), cut with `…`.
 */
export function formatForMessage(fragment: string, max: number): string {
  let out = '';
  let count = 0;
  for (const char of fragment) {
    if (count === max) return `${out}…`;
    const cp = char.codePointAt(0) as number;
    if (cp === 0x0a) out += '\\n';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0d) out += '\\r';
    else if (getHiddenCharacterName(cp) !== null || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += char;
    count++;
  }
  return out;
}

/** `text.slice(start, end)`, widened so that no surrogate pair is cut in two. */
function sliceCodePoints(text: string, start: number, end: number): string {
  const isLow = (index: number): boolean => index > 0 && index < text.length && text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff;
  return text.slice(isLow(start) ? start - 1 : start, isLow(end) ? end + 1 : end);
}

/** `1388` → `1,388` (independent of the locale data Node was built with). */
export function formatCount(count: number): string {
  const digits = String(count);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i] as string;
  }
  return out;
}

function isLegitimateJoiner(text: string, index: number, cp: number, width: number): boolean {
  if (cp !== 0x200d && cp !== 0x200c) return false;
  let before = index;
  let previous = codePointBefore(text, before);
  // Skip a variation selector or a skin-tone modifier after the first pictograph.
  while (previous !== undefined && (previous === 0xfe0f || (previous >= 0x1f3fb && previous <= 0x1f3ff))) {
    before -= previous > 0xffff ? 2 : 1;
    previous = codePointBefore(text, before);
  }
  const next = text.codePointAt(index + width);
  if (previous === undefined || next === undefined) return false;
  const a = String.fromCodePoint(previous);
  const b = String.fromCodePoint(next);
  if (cp === 0x200d && EXTENDED_PICTOGRAPHIC.test(a) && EXTENDED_PICTOGRAPHIC.test(b)) return true;
  return previous > 0x7f && next > 0x7f && LETTER.test(a) && LETTER.test(b);
}

/** When a tag run starting at `index` completes a 🏴 subdivision flag, the index after it; else -1. */
function flagTagSequenceEnd(text: string, index: number): number {
  if (codePointBefore(text, index) !== BLACK_FLAG) return -1;
  let i = index;
  for (let n = 0; n < 8; n++) {
    const cp = text.codePointAt(i);
    if (cp === CANCEL_TAG) return n >= 2 ? i + 2 : -1;
    if (cp === undefined || cp < 0xe0020 || cp > 0xe007e) return -1;
    i += 2;
  }
  return -1;
}

const MIN_BASE64 = 40;

function isBase64Char(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) ||
    unit === 0x2b || unit === 0x2f || unit === 0x2d || unit === 0x5f; // + / - _
}

const BASE64_VALUES = ((): Int8Array => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[0x2d] = 62; // base64url '-'
  table[0x5f] = 63; // base64url '_'
  return table;
})();

/** Decodes a base64 (or base64url) run; `null` when it is not well formed. */
export function decodeBase64(run: string): Uint8Array | null {
  const body = run.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const value = BASE64_VALUES[body.charCodeAt(i)] ?? -1;
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/**
 * Runs of at least 40 base64 characters that decode to mostly printable ASCII (at least 90 %,
 * with spaces or punctuation in it): encoded text, not a hash, a key id or a long identifier. SRI
 * hashes (`sha384-…`) are skipped.
 */
function findEncodedPayload(text: string): InjectionFinding | null {
  if (text.length < MIN_BASE64) return null;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : 0;
    if (i < text.length && isBase64Char(unit)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      let end = i;
      while (end < text.length && text.charCodeAt(end) === 0x3d && end - i < 2) end++; // '=' padding
      const finding = i - start >= MIN_BASE64 ? checkBase64Run(text, start, i, end) : null;
      if (finding) return finding;
      start = -1;
    }
  }
  return null;
}

function checkBase64Run(text: string, start: number, bodyEnd: number, end: number): InjectionFinding | null {
  if (/sha(?:256|384|512)-$/i.test(text.slice(Math.max(0, start - 7), start))) return null;
  // A run with `-`/`_` is base64url, one with `+`/`/` standard base64; mixing both is not base64.
  const body = text.slice(start, bodyEnd);
  if (/[-_]/.test(body) && /[+/]/.test(body)) return null;
  const bytes = decodeBase64(body);
  if (!bytes || bytes.length < 24) return null;
  let printable = 0;
  let separators = 0;
  for (const byte of bytes) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++;
    if (byte === 0x20 || byte === 0x0a || byte === 0x2c || byte === 0x2e || byte === 0x3a || byte === 0x2f || byte === 0x7b || byte === 0x3d) separators++;
  }
  if (printable / bytes.length < 0.9 || separators === 0) return null;
  let decoded = '';
  for (const byte of bytes.subarray(0, 60)) decoded += String.fromCharCode(byte);
  return { category: 'encodedPayload', fragment: text.slice(start, end), detail: decoded };
}

const QUOTES: Readonly<Record<number, number>> = { 0x2018: 0x27, 0x2019: 0x27, 0x201b: 0x27, 0x2032: 0x27, 0x201c: 0x22, 0x201d: 0x22, 0x00ab: 0x22, 0x00bb: 0x22 };

function isSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/**
 * Calls `emit(unit, from, cased)` for each UTF-16 unit of the normalised text (lower case, NFKC,
 * hidden characters dropped, each whitespace run one space, no leading space, curly quotes
 * straight), `from` being the index of the original character and `cased` the same unit before
 * lower-casing (the lower-case unit where lower-casing changes a character's length). Stops when
 * `emit` returns `true`.
 */
function walkNormalized(text: string, emit: (unit: number, from: number, cased: number) => boolean): void {
  const folded = new Map<number, readonly [string, string]>();
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 0x80 ? cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) : isSpace(cp)) {
      if (!lastWasSpace && emit(0x20, i, 0x20)) return;
      lastWasSpace = true;
    } else if (cp < 0x80) {
      if (cp >= 0x20 && cp !== 0x7f) {
        if (emit(cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp, i, cp)) return;
        lastWasSpace = false;
      }
    } else if (getHiddenCharacterName(cp) === null) {
      const quote = QUOTES[cp];
      let replacement = quote === undefined ? folded.get(cp) : ([String.fromCharCode(quote), String.fromCharCode(quote)] as const);
      if (replacement === undefined) {
        const nfkc = String.fromCodePoint(cp).normalize('NFKC');
        const lower = nfkc.toLowerCase();
        replacement = [lower, nfkc.length === lower.length ? nfkc : lower];
        folded.set(cp, replacement);
      }
      const [lower, cased] = replacement;
      for (let k = 0; k < lower.length; k++) if (emit(lower.charCodeAt(k), i, cased.charCodeAt(k))) return;
      lastWasSpace = false;
    }
    i += width - 1;
  }
}

/** Anything but tab..tilde: texts with it take the full walk (their fast path would need NFKC). */
const NOT_PLAIN = /[^\t-~]/;
/** Whitespace other than a single space, or control characters: what the plain path rewrites. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NEEDS_SPACING = /[\t-\x1f]| {2}/;
const UTF16 = new TextDecoder('utf-16le');

/**
 * The text the phrase detectors read (see {@link walkNormalized}), and the same text before
 * lower-casing (same length, unit for unit: what tells `getUser` from `nextjs`). Plain ASCII, the
 * usual case, takes native string operations that give the same result as the walk.
 */
function normalize(text: string): { lower: string; cased: string } {
  if (!NOT_PLAIN.test(text)) {
    // Most descriptions: printable ASCII with single spaces, one scan decides it.
    let plain = text;
    if (NEEDS_SPACING.test(text)) {
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      plain = text.replace(/[\x0e-\x1f]+/g, '');
      if (/[\t-\r]| {2}/.test(plain)) plain = plain.replace(/[\t-\r ]{2,}|[\t-\r]/g, ' ');
    }
    if (plain.startsWith(' ')) plain = plain.slice(1);
    return { lower: plain.toLowerCase(), cased: plain };
  }
  let out = new Uint16Array(text.length + 16);
  let casedOut = new Uint16Array(text.length + 16);
  let length = 0;
  walkNormalized(text, (unit, _from, cased) => {
    if (length >= out.length) {
      const grown = new Uint16Array(out.length * 2);
      grown.set(out);
      out = grown;
      const grownCased = new Uint16Array(casedOut.length * 2);
      grownCased.set(casedOut);
      casedOut = grownCased;
    }
    out[length] = unit;
    casedOut[length++] = cased;
    return false;
  });
  return { lower: UTF16.decode(out.subarray(0, length)), cased: UTF16.decode(casedOut.subarray(0, length)) };
}

/**
 * The original text of a range of the normalised text: from the character that produced its first
 * unit to the end of the character that produced its last (characters dropped around it, such as a
 * hidden one right after, are left out).
 */
function originalSlice(text: string, [start, end]: [number, number]): string {
  let count = 0;
  let from = 0;
  let to = text.length;
  walkNormalized(text, (_unit, index) => {
    if (count === start) from = index;
    if (count === end - 1) {
      to = index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
      return true;
    }
    count++;
    return false;
  });
  return text.slice(from, to);
}

/**
 * A phrase detector. The scan visits each word of the normalised text once and, where a word (or
 * one of the characters `< [ ~ . /`) is one of the rule's `triggers`, runs the rule's sticky
 * expression at that spot. Each expression is bounded, so the whole scan is linear, and the cost
 * is paid only where a trigger occurs (most descriptions contain none).
 */
interface PhraseRule {
  readonly category: 'instruction' | 'toolReference' | 'sensitiveReference';
  readonly triggers: readonly string[];
  readonly pattern: RegExp;
  /** Turns a match into the reported range, or rejects it (a tool naming itself, a sibling's deprecation note). */
  readonly accept?: (match: RegExpExecArray, scan: ScanContext) => [number, number] | null;
}

interface ScanContext {
  readonly text: string;
  /** `text` before lower-casing, unit for unit. */
  readonly cased: string;
  readonly ownName: string | null;
  readonly siblings: readonly string[];
}

/** One word of the normalised text. */
const WORD = "[a-z'-]{1,25}";
/**
 * Something that may be written as a tool name: quoted, or an identifier with an underscore in it
 * (hyphens and dots alone are ordinary English: "multi-line", "e.g.", "node.js"). A quoted word is
 * a tool name only when {@link looksLikeToolId} says so, which the rules check on the match.
 */
const TOOL_NAME = "(?:`[^`\\s]{1,64}`|'[^'\\s]{1,64}'|\"[^\"\\s]{1,64}\"|[a-z0-9.-]{0,40}_[a-z0-9_.-]{0,60}[a-z0-9])";
const NOT_SELF = '(?!(?:this|that|the|a|an|these|those|its|our|my|your|same|each|every|any)\\b)';
const RULE_NOUN = '(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails|polic(?:y|ies)|constraints|restrictions|context|messages|settings|checks)';
const QUALIFIER = '(?:previous|prior|above|earlier|preceding|former|original|initial|system|safety|security|developer)';
/** A path starts the text or follows a separator (not consumed, so quotes show the path itself). */
const PATH_START = "(?<=^|[\\s/'\"`(~\\\\=:])";
const SECRET = '(?:api[ -]?keys?|private[ -]?keys?|secret[ -]?keys?|access[ -]?tokens?|auth(?:entication)? tokens?|bearer tokens?|refresh tokens?|passwords?|passphrases?|seed phrases?|mnemonic(?: phrases?)?|recovery phrases?|credentials|ssh keys?|session cookies?)';

/** The alternation of a rule's word triggers, as the start of its expression. */
function words(triggers: readonly string[]): string {
  return `(?:${triggers.join('|')})`;
}

function rule(category: PhraseRule['category'], triggers: readonly string[], source: string, accept?: PhraseRule['accept']): PhraseRule {
  return { category, triggers, pattern: new RegExp(source, 'y'), ...(accept ? { accept } : {}) };
}

/** A rule whose expression begins with one of its trigger words (the trigger is the word itself). */
function wordRule(category: PhraseRule['category'], triggers: readonly string[], rest: string, accept?: PhraseRule['accept']): PhraseRule {
  return rule(category, triggers, `${words(triggers)}${rest}`, accept);
}

const OVERRIDE = ['ignore', 'disregard', 'forget'];
const HAND_OVER = ['pass', 'send', 'forward', 'upload', 'copy', 'exfiltrate', 'leak', 'transmit', 'include', 'append', 'attach', 'add', 'put', 'insert'];
const SECRET_VERBS = ['send', 'pass', 'share', 'paste', 'reveal', 'extract', 'collect', 'attach', 'append', 'forward', 'upload', 'leak', 'dump', 'exfiltrate', 'give me', 'provide me with'];

export const PHRASE_RULES: readonly PhraseRule[] = [
  // Overriding the model's instructions.
  wordRule('instruction', OVERRIDE, ` (?:(?:all|any|every) )?(?:of )?(?:(?:the|your|these|those|my|its) )?${QUALIFIER} (?:${WORD} )?${RULE_NOUN}\\b`),
  wordRule('instruction', OVERRIDE, ' (?:(?:all|any) )?(?:(?:the|your|these|those|my) )?(?:instructions|prompts?|guidelines|directives|system prompt)\\b'),
  // "Override the system prompt" is a setting of agent-building tools; overriding *previous* rules is not.
  wordRule('instruction', ['override', 'bypass'], ` (?:(?:all|any|every) )?(?:of )?(?:(?:the|your|these|those|my|its) )?(?:previous|prior|above|earlier|preceding|safety|security) (?:${WORD} )?${RULE_NOUN}\\b`),
  wordRule('instruction', ['new', 'updated', 'real', 'system', 'admin', 'developer'], ' (?:system )?(?:instructions?|override|message|notice):'),
  // A new persona.
  rule('instruction', ['you', 'from', 'pretend', 'act', 'developer', 'god', 'jailbreak', 'dan'],
    "you are now (?:a|an|in|my|the|no longer)\\b|from now on,? you\\b|pretend (?:to be|you are|that you)\\b|act as (?:if|though|an? (?:unrestricted|unfiltered|different|new))\\b|(?:developer|god|jailbreak|dan) mode\\b|jailbreak"),
  // Revealing the prompt.
  wordRule('instruction', ['reveal', 'print', 'output', 'repeat', 'show', 'leak', 'disclose', 'share', 'dump'], ' (?:me )?(?:your|the (?:hidden|initial|original|secret)) (?:system prompt|system message|instructions|prompt)\\b'),
  // Keeping things from the user.
  rule('instruction', ['do', 'don', 'never', 'must', 'should', 'shouldn', 'without'],
    "(?:do not|don't|never|must not|should not|shouldn't|without) (?:tell|inform|notify|alert|show|let|warn|telling|informing|notifying|alerting|showing|letting|warning)(?: (?:this|it|that|anything|them|any of this))?(?: to)?(?: the)? (?:user|users|human)\\b"),
  rule('instruction', ['do', 'don', 'never', 'must'], "(?:do not|don't|never|must not) (?:mention|reveal|disclose)\\b"),
  wordRule('instruction', ['without'], " (?:the )?(?:user's|users'|user|human's|human) (?:knowledge|knowing|noticing|awareness|consent|permission|seeing|being told)\\b"),
  wordRule('instruction', ['keep', 'hide'], ' (?:this|it|that|these|them|the (?:following|instructions?|request|contents?|data|file)) (?:secret|hidden|private|confidential|from (?:the )?(?:user|human))\\b'),
  rule('instruction', ['the'], "the user (?:must not|should not|shouldn't|does not need to|doesn't need to|need not|won't|will not|must never|should never|cannot) (?:know|see|notice|find out|be told|be informed|learn)\\b"),
  wordRule('instruction', ['secretly', 'silently', 'quietly', 'covertly', 'discreetly', 'invisibly'], ' (?:send|include|add|append|attach|forward|upload|copy|read|call|invoke|pass|exfiltrate|transmit|email|post)\\b'),
  // Prompt markup.
  rule('instruction', ['<'], '<\\/? ?(?:important|system|instructions?|secret|hidden|admin|sys|system[-_ ](?:prompt|message|reminder|instructions?)|critical|override|assistant|jailbreak)(?: [^<>]{0,40})? ?>'),
  rule('instruction', ['<', '['], '<\\|(?:im_start|im_end|system|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\\|>|\\[\\/?inst\\]|<<\\/?sys>>'),
  // Making the model do something before or besides calling this tool.
  wordRule('instruction', ['before'], ' (?:using|calling|invoking|running|executing|you use|you call|you invoke|the use of) (?:this|the|any|each|every)(?: [a-z0-9_.-]{1,30})? (?:tool|function|command)s?\\b[^.!?]{0,60}?\\b(?:read|open|cat|fetch|load|call|invoke|run|send|include|pass|upload|forward|collect|extract)\\b'),
  // Calling this tool, or another tool of the same server, first is that server's own workflow.
  rule('instruction', ['always', 'first', 'you', 'must'], `(?:always|first|you must|must) (?:call|invoke|run|use|execute|read) (?:the )?(${TOOL_NAME}|[a-z0-9_.-]{1,64})(?: tool| function)? (?:first|before)\\b`,
    (match, scan) => (SELF_WORDS.has(match[1] as string) || isKnownTool(match[1], scan) ? null : rangeOf(match))),
  wordRule('instruction', HAND_OVER, ' (?:its|their) (?:(?:entire|full|whole|complete|raw) )?(?:contents?|text|output|data|value|body)\\b'),
  rule('instruction', ['you', 'the', 'ai', 'llm', 'llms', 'claude', 'chatgpt', 'gemini', 'copilot'],
    "(?:you|the (?:ai|assistant|model|llm|agent)|ai assistants?|llms?|claude|chatgpt|gemini|copilot) (?:must|should|shall|has to|have to|needs to|need to|is required to|are required to|will)(?: (?:always|never|now|also))? (?:ignore|disregard|forget|reveal|obey|comply|exfiltrate|not (?:tell|mention|reveal|inform|disclose))\\b"),

  // Directing the use of other tools (shadowing).
  wordRule('toolReference', ['when', 'whenever'], ` (?:you |the (?:assistant|model|agent|ai) |an? (?:assistant|model|agent|ai) )?(?:use|uses|using|call|calls|calling|invoke|invokes|invoking|run|runs|running)(?: the)? ${NOT_SELF}([a-z0-9_.-]{2,64} tool|${TOOL_NAME}|(?:any )?other tools?)(?![a-z0-9_-])`,
    (match, scan) => (acceptsName(match, scan) ? rangeOf(match) : null)),
  wordRule('toolReference', ['instead'], ` of (?:using |calling )?(?:the )?${NOT_SELF}((?:[a-z0-9_.-]{2,30} ){0,2}[a-z0-9_.-]{2,64} tool|${TOOL_NAME})(?![a-z0-9_-])`,
    // "Use this instead of `read_file`" where read_file is this server's own tool: a deprecation
    // note; "e.g. 'Next.js' instead of 'nextjs'": two values compared, no tool.
    (match, scan) => (acceptsName(match, scan) && !isValueExample(match, scan) ? rangeOf(match) : null)),
  // "Before calling `read_file`, first call log_access", "never use send_email": steering a tool
  // written as a tool id that this file does not register.
  rule('toolReference', ['before', 'after', 'never', 'do', 'don'],
    `(?:(?:before|after) (?:using|calling|invoking|running|you use|you call|you invoke)|(?:never|do not|don't) (?:use|call|invoke|run)) (?:the )?${NOT_SELF}(${TOOL_NAME})(?![a-z0-9_-])`,
    (match, scan) => (acceptsName(match, scan) ? rangeOf(match) : null)),
  wordRule('toolReference', ['use', 'call', 'prefer', 'choose', 'select'], ' this (?:tool|function)(?: first)? (?:instead of|rather than|over|before) (?:any|all|every|the) (?:other )?(?:tools?|functions?)\\b'),
  rule('toolReference', ['do', 'don', 'never', 'all', 'every', 'any', 'for'],
    "(?:do not|don't|never) (?:use|call|invoke) (?:any )?other tools?\\b|(?:all|every|any) other tools? (?:must|should|will|are to)\\b|for (?:all|every|any) (?:future|subsequent|later|other) (?:tool )?(?:calls|requests|tools|invocations)\\b"),
  // `<name> tool must …`: found from "tool", the name read backwards from a bounded window.
  rule('toolReference', ['tool'], 'tool (?:must|should|shall|needs to|has to|is required to|will always|will now|may only|can only)\\b', acceptToolMust),

  // Credential files.
  rule('sensitiveReference', ['~'], '~[\\/\\\\]\\.ssh\\b'),
  rule('sensitiveReference', ['.'], `${PATH_START}\\.ssh[\\/\\\\]|${PATH_START}\\.(?:npmrc|pypirc|netrc|git-credentials|pgpass|htpasswd|bash_history|zsh_history)\\b`),
  rule('sensitiveReference', ['.'], '\\.aws[\\/\\\\](?:credentials|config)\\b|\\.docker[\\/\\\\]config\\.json\\b|\\.kube[\\/\\\\]config\\b|\\.gnupg\\b|\\.config[\\/\\\\]gcloud\\b'),
  rule('sensitiveReference', ['.'], '(?<![a-z0-9_$.-])\\.env(?:\\.[a-z0-9_-]{1,20})?(?![a-z0-9_-])'),
  rule('sensitiveReference', ['/'], '\\/etc\\/(?:passwd|shadow|sudoers|gshadow|master\\.passwd)\\b'),
  wordRule('sensitiveReference', ['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'authorized_keys', 'application_default_credentials', 'claude_desktop_config'], '(?:\\.pub|\\.json)?\\b'),
  rule('sensitiveReference', ['mcp'], `${PATH_START}mcp\\.json\\b`),
  rule('sensitiveReference', ['wallet', 'key4', 'logins', 'cookies'], 'wallet\\.dat\\b|key4\\.db\\b|logins\\.json\\b|cookies\\.sqlite\\b'),
  // Secrets, when the text asks for them to be handed over.
  rule('sensitiveReference', SECRET_VERBS.map((verb) => verb.split(' ')[0] as string), `${words(SECRET_VERBS)}\\b(?: ${WORD}){0,4}? ${SECRET}\\b`),
];

/**
 * Word triggers by a hash of the word (no substring per scanned word), with a table of the
 * (first character, length) pairs that occur so that most words skip the lookup; character
 * triggers by character code.
 */
const WORD_TRIGGERS = new Map<number, { readonly word: string; readonly rules: PhraseRule[] }[]>();
const WORD_SHAPES = new Uint8Array(128 * 64);
const CHAR_TRIGGERS: (PhraseRule[] | undefined)[] = [];

function hashWord(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function shapeOf(first: number, length: number): number {
  return (first & 0x7f) * 64 + Math.min(length, 63);
}

for (const phrase of PHRASE_RULES) {
  for (const trigger of new Set(phrase.triggers)) {
    if (/^[a-z0-9_]+$/.test(trigger)) {
      const hash = hashWord(trigger, 0, trigger.length);
      const bucket = WORD_TRIGGERS.get(hash) ?? [];
      const entry = bucket.find((e) => e.word === trigger);
      if (entry) entry.rules.push(phrase);
      else bucket.push({ word: trigger, rules: [phrase] });
      WORD_TRIGGERS.set(hash, bucket);
      WORD_SHAPES[shapeOf(trigger.charCodeAt(0), trigger.length)] = 1;
    } else {
      const code = trigger.charCodeAt(0);
      CHAR_TRIGGERS[code] = [...(CHAR_TRIGGERS[code] ?? []), phrase];
    }
  }
}

function rangeOf(match: RegExpExecArray): [number, number] {
  return [match.index, match.index + match[0].length];
}

function toolOf(captured: string | undefined): string | null {
  if (captured === undefined) return null;
  return captured.replace(/^[`'"]|[`'"]$/g, '').replace(/ tool$/, '').replace(/^(?:[a-z0-9_.-]{2,30} ){1,2}/, '').replace(/\.+$/, '');
}

/** Determiners a name slot can hold that mean this very tool ("call this function before"). */
const SELF_WORDS = new Set(['this', 'that', 'it', 'its', 'these', 'the']);

/** This tool, or a tool the same file registers: the server describing its own tools. */
function isKnownTool(captured: string | undefined, scan: ScanContext): boolean {
  const tool = toolOf(captured);
  return tool !== null && (tool === scan.ownName || scan.siblings.includes(tool));
}

/**
 * Whether group 1 of a shadowing match names another tool: "the x tool" always does (unless x is
 * this file's), a bare or quoted word only when it looks like a tool id.
 */
function acceptsName(match: RegExpExecArray, scan: ScanContext): boolean {
  const captured = match[1];
  if (captured === undefined || isKnownTool(captured, scan)) return false;
  if (/ tools?$/.test(captured)) return true;
  const start = match.index + match[0].length - captured.length;
  return looksLikeToolId(captured, scan.cased.slice(start, start + captured.length));
}

/** Verbs tool names are made of (`get_user`, `resolve-library-id`, `browserNavigate`). */
const TOOL_VERBS = new Set([
  'get', 'set', 'list', 'create', 'update', 'delete', 'remove', 'read', 'write', 'search', 'fetch', 'find', 'query', 'run',
  'exec', 'execute', 'send', 'add', 'resolve', 'open', 'close', 'navigate', 'click', 'take', 'generate', 'upload', 'download',
  'call', 'validate', 'insert', 'edit', 'move', 'copy', 'rename', 'start', 'stop', 'kill', 'post', 'load', 'save', 'scan',
  'describe', 'lookup', 'browse', 'install', 'deploy', 'invoke', 'parse', 'convert', 'extract', 'summarize', 'translate',
  'analyze', 'transfer', 'submit', 'publish', 'sync', 'merge', 'push', 'pull', 'clone', 'capture', 'screenshot', 'fill',
  'select', 'hover', 'scroll', 'press', 'evaluate', 'crawl', 'scrape', 'retrieve', 'store', 'ask', 'reply', 'comment',
  'assign', 'archive', 'export', 'import', 'apply', 'grep', 'glob', 'ping', 'email', 'notify', 'schedule', 'cancel',
]);

/**
 * A tool id as servers write them: backticked, snake case (`read_file`), kebab case with a verb
 * (`resolve-library-id`, not `multi-line`) or camel case with a verb (`getUser`, not `iPhone` or
 * `nextjs`). `cased` is the name as written (quotes included); `code: false` asks for the shape
 * of a backticked name too.
 */
export function looksLikeToolId(name: string, cased: string, code = true): boolean {
  const quote = name.charCodeAt(0);
  if (quote === 0x60 && code) return true;
  const quoted = quote === 0x27 || quote === 0x22 || quote === 0x60;
  const inner = quoted ? name.slice(1, -1) : name;
  const innerCased = quoted ? cased.slice(1, -1) : cased;
  if (/^[a-z0-9_.-]+$/.test(inner) && /[a-z0-9]_[a-z0-9]/.test(inner)) return true;
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+){1,8}$/.test(inner)) return inner.split('-').some((part) => TOOL_VERBS.has(part));
  if (innerCased.length === inner.length && /^[a-z][a-z0-9]+(?:[A-Z][a-z0-9]*){1,8}$/.test(innerCased)) {
    return (innerCased.match(/[A-Z]?[a-z0-9]+/g) ?? []).some((part) => TOOL_VERBS.has(part.toLowerCase()));
  }
  return false;
}

/**
 * "'Next.js' instead of 'nextjs'": a quoted value right before "instead of" that is no tool id (nor
 * a tool of this file) makes the pair an example of a value, not a redirection between tools.
 */
function isValueExample(match: RegExpExecArray, scan: ScanContext): boolean {
  const captured = match[1] as string;
  if (!/^[`'"]/.test(captured)) return false;
  const from = Math.max(0, match.index - 70);
  const before = /([`'"])([^`'"\s]{1,64})\1 $/.exec(scan.text.slice(from, match.index));
  if (!before) return false;
  const start = from + before.index;
  const quoted = before[0].slice(0, -1);
  return !isKnownTool(quoted, scan) && !looksLikeToolId(quoted, scan.cased.slice(start, start + quoted.length), false);
}

const NAME_BEFORE = new RegExp(`(?:^|[^a-z0-9_.\`'"-])${NOT_SELF}(${TOOL_NAME}|[a-z0-9_.-]{2,64}) $`);

function acceptToolMust(match: RegExpExecArray, scan: ScanContext): [number, number] | null {
  const window = scan.text.slice(Math.max(0, match.index - 70), match.index);
  const name = NAME_BEFORE.exec(window);
  if (!name || isKnownTool(name[1], scan)) return null;
  return [match.index - (name[1] as string).length - 1, match.index + match[0].length];
}

function isWordChar(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
}

/** Matches kept per category while scanning: enough to step past overlaps with another category. */
const MAX_MATCHES = 8;

/** Phrase matches found by one scan, per category, in text order (a few per category). */
interface PhraseMatches {
  instruction: [number, number][] | null;
  toolReference: [number, number][] | null;
  sensitiveReference: [number, number][] | null;
}

/** Runs the rules a trigger at `at` starts (no closure or collection is allocated for texts without one). */
function tryRules(scan: ScanContext, found: PhraseMatches, rules: readonly PhraseRule[], at: number): void {
  for (const phrase of rules) {
    const list = found[phrase.category];
    if (list && list.length >= MAX_MATCHES) continue;
    phrase.pattern.lastIndex = at;
    const match = phrase.pattern.exec(scan.text);
    if (!match) continue;
    const range = phrase.accept ? phrase.accept(match, scan) : rangeOf(match);
    if (!range) continue;
    if (list) list.push(range);
    else found[phrase.category] = [range];
  }
}

function scanPhrases(scan: ScanContext): PhraseMatches {
  const { text } = scan;
  const found: PhraseMatches = { instruction: null, toolReference: null, sensitiveReference: null };
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    if (isWordChar(unit)) {
      let end = i;
      let hash = 0;
      for (; end < text.length; end++) {
        const next = text.charCodeAt(end);
        if (!isWordChar(next)) break;
        hash = (Math.imul(hash, 31) + next) | 0;
      }
      const bucket = WORD_SHAPES[shapeOf(unit, end - i)] === 1 ? WORD_TRIGGERS.get(hash) : undefined;
      if (bucket) {
        for (const entry of bucket) if (entry.word.length === end - i && text.startsWith(entry.word, i)) tryRules(scan, found, entry.rules, i);
      }
      i = end;
      continue;
    }
    const rules = unit < 0x80 ? CHAR_TRIGGERS[unit] : undefined;
    if (rules) tryRules(scan, found, rules, i);
    i++;
  }
  return found;
}

/** The first range of a list that overlaps none of `claimed`. */
function firstFree(ranges: readonly [number, number][] | null, claimed: readonly [number, number][]): [number, number] | null {
  return ranges?.find((range) => !claimed.some(([s, e]) => range[0] < e && s < range[1])) ?? null;
}
