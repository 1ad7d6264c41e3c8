import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, getScope, unwrapExpression } from '../util/ast.js';
import { getVariable, type SourceUnit } from '../util/source-unit.js';
import { commandWords, type Word } from './sinks.js';
import type { SinkSpec } from './types.js';

/** A replacement of a source range. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** The `execFile` form of an `exec` call, as edits. */
export interface ExecFileRewrite {
  /** The program (`git`). */
  readonly file: string;
  /** The function used instead (`execFile`, `execFileSync`, or its local name). */
  readonly alternative: string;
  readonly edits: readonly TextEdit[];
}

/** Characters that mean something to a shell: a command containing them does not split into plain words. */
const PLAIN = /^[A-Za-z0-9_.,:@%+=/-]*$/;

function quote(text: string): string {
  return `'${text}'`;
}

function wordSource(unit: SourceUnit, word: Word): string {
  if (word.length === 1 && 'node' in (word[0] as object)) {
    const node = (word[0] as { node: TSESTree.Node }).node;
    const text = unit.text.slice(node.range[0], node.range[1]);
    return node.type === 'SequenceExpression' ? `(${text})` : text;
  }
  if (word.every((p) => 'text' in p)) return quote(word.map((p) => ('text' in p ? p.text : '')).join(''));
  return `\`${word.map((p) => ('text' in p ? p.text : `\${${unit.text.slice(p.node.range[0], p.node.range[1])}}`)).join('')}\``;
}

/**
 * Rewrites `exec(\`git log ${ref}\`)` to `execFile('git', ['log', ref])` (and `execSync` to
 * `execFileSync`), adding the import or `require` binding when needed. `null` unless the command is a
 * template or `+` chain whose fixed text is plain words (no quotes, pipes, redirections, globs,
 * variables, `~` or escapes), whose first word is a fixed program, and whose callee binding can be
 * extended. Each interpolation becomes one argument, as it should: the shell would have split it.
 */
export function execFileRewrite(unit: SourceUnit, call: TSESTree.CallExpression, spec: SinkSpec): ExecFileRewrite | null {
  const target = spec.saferAlternative;
  const [command, options] = call.arguments;
  if (!target || !command || command.type === 'SpreadElement') return null;
  const value = unwrapExpression(command);
  if (value.type !== 'TemplateLiteral' && !(value.type === 'BinaryExpression' && value.operator === '+')) return null;
  const words = commandWords(unit, value);
  if (!words || words.length === 0) return null;
  const first = words[0] as Word;
  if (!first.every((p) => 'text' in p)) return null;
  const file = first.map((p) => ('text' in p ? p.text : '')).join('');
  if (file === '' || file.includes('=') || !PLAIN.test(file)) return null;
  for (const word of words) for (const piece of word) if ('text' in piece && !PLAIN.test(piece.text)) return null;
  // `exec(cmd, { shell: '/bin/bash' })`: execFile would use that shell too.
  if (options && options.type === 'ObjectExpression' && options.properties.some((p) => p.type !== 'Property' || getKeyName(p) === 'shell')) return null;
  const binding = alternativeBinding(unit, call.callee, target);
  if (!binding) return null;
  const args = words.slice(1).map((w) => wordSource(unit, w));
  const edits: TextEdit[] = [
    ...binding.edits,
    { range: command.range, text: `${quote(file)}, [${args.join(', ')}]` },
  ];
  return { file, alternative: binding.name, edits };
}

/** How to call `target` from the module the callee comes from: its local name, and the edits that bind it. */
function alternativeBinding(unit: SourceUnit, rawCallee: TSESTree.Node, target: string): { name: string; edits: TextEdit[] } | null {
  const callee = unwrapExpression(rawCallee);
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return { name: target, edits: [{ range: callee.property.range, text: target }] };
  }
  if (callee.type !== 'Identifier') return null;
  const variable = getVariable(unit, callee);
  const def = variable?.defs[0];
  if (!def) return null;
  // The new name must not be declared (or shadowed) anywhere between the call and the module scope.
  const taken = (): boolean => {
    for (let scope: ReturnType<typeof getScope> | null = getScope(unit, callee); scope; scope = scope.upper) {
      if (scope.set.has(target)) return true;
    }
    return variable.scope.through.some((r) => r.identifier.name === target);
  };
  if (def.type === 'ImportBinding' && def.node.type === 'ImportSpecifier') {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const existing = declaration.specifiers.find((s) => s.type === 'ImportSpecifier' && (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value) === target);
    if (existing) return { name: existing.local.name, edits: [{ range: callee.range, text: existing.local.name }] };
    if (taken()) return null;
    return { name: target, edits: [{ range: callee.range, text: target }, { range: [def.node.range[1], def.node.range[1]], text: `, ${target}` }] };
  }
  if (def.type === 'Variable' && def.node.id.type === 'ObjectPattern') {
    const pattern = def.node.id;
    const property = pattern.properties.find((p): p is TSESTree.Property => p.type === 'Property' && p.value.type === 'Identifier' && p.value.name === callee.name);
    if (!property) return null;
    const existing = pattern.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === target && p.value.type === 'Identifier');
    if (existing && existing.value.type === 'Identifier') return { name: existing.value.name, edits: [{ range: callee.range, text: existing.value.name }] };
    if (taken()) return null;
    return { name: target, edits: [{ range: callee.range, text: target }, { range: [property.range[1], property.range[1]], text: `, ${target}` }] };
  }
  return null;
}
