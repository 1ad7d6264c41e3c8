import path from 'node:path';

import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Minimatch } from 'minimatch';

import { getKeyName } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { GLOBAL_MODULE, getModuleRef, normalizeModuleName, type ModuleRef } from '../util/module-refs.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ configFiles?: string[]; allowedVariables?: string[] }];
export type MessageId = 'envRead' | 'dynamicEnvRead' | 'wholeEnv';

export default createRule<Options, MessageId>({
  name: 'no-env-outside-config',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading `process.env` outside the config module',
      recommended: true,
      cwe: ['CWE-526', 'CWE-200'],
      owasp: ['MCP01'],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-env-outside-config.md',
    },
    messages: {
      envRead:
        '`{{name}}` is read outside the config module. Read it once in a config module (files matching `configFiles`) and import it from there.',
      dynamicEnvRead:
        '`{{name}}` is read outside the config module, with a key that can name any variable of the whole environment. Read the variables the server needs in a config module (files matching `configFiles`) and import them from there.',
      wholeEnv:
        'The whole environment (`process.env`) is handed on outside the config module, with every secret in it. Pass on only the variables needed, read in a config module (files matching `configFiles`).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          configFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Globs (minimatch, dot files included) for the config modules where `process.env` may be read, matched against the path relative to the working directory with `/` separators. Replaces the default list.',
          },
          allowedVariables: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Environment variables that may be read anywhere. Replaces the default list.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        configFiles: ['**/config.*', '**/config/**', '**/env.*', '**/settings.*', '**/*.config.*'],
        allowedVariables: ['NODE_ENV'],
      },
    ],
  },
  create(context, [options]) {
    // Both are always set: `meta.defaultOptions` fills in what the user leaves out.
    const { configFiles = [], allowedVariables = [] } = options;
    const allowed = new Set(allowedVariables);
    const reported = new Set<TSESTree.Node>();
    const followed = new Set<unknown>();
    // Whether the file is a config module is asked at the first report, not in `create`: most files read
    // no environment at all, and for them the path is never matched against the globs.
    let inConfigFile: boolean | undefined;

    function report(node: TSESTree.Node, messageId: MessageId, data?: Record<string, string>): void {
      inConfigFile ??= isConfigFile(context.filename, context.cwd, configFiles);
      if (inConfigFile || reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, ...(data ? { data } : {}) });
    }

    /** The key when it is a constant string (`process.env['X']`, `const k = 'X'; process.env[k]`). */
    function getStaticString(key: TSESTree.Node): string | null {
      const result = ASTUtils.getStaticValue(key, context.sourceCode.getScope(key));
      return result && typeof result.value === 'string' ? result.value : null;
    }

    function reportKey(node: TSESTree.Node, key: TSESTree.Node | string): void {
      const name = typeof key === 'string' ? key : getStaticString(key);
      if (name === null) {
        const text = context.sourceCode.getText(key as TSESTree.Node);
        const shown = text.length <= 40 && !text.includes('\n') ? text : '…';
        report(node, 'dynamicEnvRead', { name: `process.env[${shown}]` });
      } else if (!allowed.has(name)) {
        report(node, 'envRead', { name: formatVariable(name) });
      }
    }

    /** `node` evaluates to `kind`: find out what its surroundings do with it. */
    function visit(node: TSESTree.Node, kind: Kind): void {
      const [outer, parent] = climb(node);
      if (!parent) return;
      if (kind === 'env') {
        useEnv(outer, parent);
        return;
      }
      // `process` or the global object: only a step towards `env` matters.
      if (parent.type === 'MemberExpression' && parent.object === outer) {
        const next = stepKind(kind, getKeyName(parent));
        if (next) visit(parent, next);
      } else if (parent.type === 'VariableDeclarator' && parent.init === outer) {
        bindPattern(parent.id, kind, outer);
      } else if (parent.type === 'AssignmentPattern' && parent.right === outer) {
        bindPattern(parent.left, kind, outer);
      }
    }

    /** A binding pattern (declaration or default parameter) receives a value of `kind`. */
    function bindPattern(pattern: TSESTree.Node, kind: Kind, value: TSESTree.Node): void {
      switch (pattern.type) {
        case 'Identifier':
          follow(pattern, kind, value);
          return;
        case 'AssignmentPattern':
          bindPattern(pattern.left, kind, value);
          return;
        case 'ObjectPattern':
          for (const property of pattern.properties) {
            if (kind === 'env') {
              if (property.type === 'RestElement') report(property, 'wholeEnv');
              else reportKey(property, property.computed ? property.key : (getKeyName(property) ?? property.key));
              continue;
            }
            const next = property.type === 'Property' ? stepKind(kind, getKeyName(property)) : kind;
            if (next) bindPattern(property.type === 'Property' ? property.value : property.argument, next, property);
          }
          return;
        case 'RestElement':
          bindPattern(pattern.argument, kind, value);
          return;
        default:
          if (kind === 'env') report(value, 'wholeEnv');
      }
    }

    /** An identifier is bound to a value of `kind`: every read of it is such a value too. */
    function follow(id: TSESTree.Identifier, kind: Kind, value: TSESTree.Node): void {
      // A scope lookup from the declaring identifier: cheaper than the unit's index of every variable,
      // which a file that reads the environment once would otherwise build for this rule alone.
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
      const constant =
        variable !== null &&
        variable.defs.length === 1 &&
        variable.references.every((reference) => !reference.isWrite() || reference.init === true);
      if (!variable || !constant || isExported(id)) {
        // A mutable or exported alias: the environment leaves what this pass can follow.
        if (kind === 'env') report(value, 'wholeEnv');
        return;
      }
      if (followed.has(variable)) return;
      followed.add(variable);
      for (const reference of variable.references) {
        if (reference.init !== true && reference.isRead()) visit(reference.identifier, kind);
      }
    }

    /** `outer` evaluates to `process.env`; `parent` is what uses it. */
    function useEnv(outer: TSESTree.Node, parent: TSESTree.Node): void {
      switch (parent.type) {
        case 'MemberExpression':
          if (parent.object !== outer) break;
          if (!isWriteTarget(parent)) reportKey(parent, parent.computed ? parent.property : (getKeyName(parent) ?? parent.property));
          return;
        case 'VariableDeclarator':
          if (parent.init === outer) bindPattern(parent.id, 'env', outer);
          return;
        case 'AssignmentPattern':
          if (parent.right === outer) bindPattern(parent.left, 'env', outer);
          return;
        case 'AssignmentExpression':
          if (parent.left === outer) return; // `process.env = …` replaces it: a write
          if (parent.left.type === 'ObjectPattern') bindPattern(parent.left, 'env', outer);
          else report(outer, 'wholeEnv');
          return;
        case 'BinaryExpression':
          // `'KEY' in process.env` asks for one variable; comparisons and arithmetic hand nothing on.
          if (parent.operator === 'in' && parent.right === outer) reportKey(parent, parent.left);
          return;
        case 'UnaryExpression':
          return; // `typeof`, `!`, `void`: a test, not a use
        case 'LogicalExpression':
          return; // only the left operand of `&&` stops here (see `climb`): a test
        case 'ConditionalExpression':
        case 'IfStatement':
        case 'WhileStatement':
        case 'DoWhileStatement':
          return; // a test
        case 'TSTypeQuery':
        case 'TSQualifiedName':
          return; // a type position
        case 'CallExpression': {
          const method = getObjectMethod(parent);
          if (method === 'assign' && parent.arguments[0] === outer) return; // `Object.assign(process.env, …)` writes
          const key = parent.arguments[1];
          if (method === 'hasOwn' && parent.arguments[0] === outer && key) {
            reportKey(parent, key);
            return;
          }
          break;
        }
        default:
          break;
      }
      report(outer, 'wholeEnv');
    }

    return {
      Program(program) {
        // Unshadowed globals need no resolving: `process` is the process, the others the global object.
        for (const reference of getGlobalReferences(context.sourceCode.scopeManager)) {
          const id = reference.identifier;
          if (id.name === 'process') visit(id, 'process');
          else if (id.name !== 'require') visit(id, 'global');
          else if (id.parent.type === 'CallExpression' && id.parent.callee === id && isProcessSpecifier(id.parent.arguments[0])) {
            visitRoot(id.parent);
          }
        }
        for (const statement of program.body) {
          if (statement.type === 'ImportDeclaration') {
            if (statement.importKind === 'type' || normalizeModuleName(statement.source.value) !== 'process') continue;
            for (const specifier of statement.specifiers) {
              if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
              const kind = moduleKind(specifier.local);
              if (kind) follow(specifier.local, kind, specifier);
            }
          } else if (statement.type === 'TSImportEqualsDeclaration') {
            const kind = moduleKind(statement.id);
            if (kind) follow(statement.id, kind, statement);
          } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') {
            reportReexport(statement);
          }
        }
      },
      ImportExpression(node) {
        visitRoot(node);
      },
    };

    /**
     * What an import of `process` binds (or `require('process')`, `import('process')` evaluate to). Module
     * references are resolved against the file's source unit, made here: a file that imports nothing of
     * `process` never needs one.
     */
    function moduleKind(node: TSESTree.Node): Kind | null {
      getSourceUnit(context);
      return getKind(getModuleRef(node));
    }

    function visitRoot(node: TSESTree.Node): void {
      const kind = moduleKind(node);
      if (kind) visit(node, kind);
    }

    /** `export { env } from 'node:process'` and `export * from 'process'` hand the environment on. */
    function reportReexport(statement: TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration): void {
      if (statement.source == null || statement.exportKind === 'type') return;
      if (normalizeModuleName(statement.source.value) !== 'process') return;
      if (statement.type === 'ExportAllDeclaration') {
        report(statement, 'wholeEnv');
        return;
      }
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
        if (local === 'env') report(specifier, 'wholeEnv');
      }
    }
  },
});

/** What an expression evaluates to, as far as this rule cares. */
type Kind = 'global' | 'process' | 'env';

/** Names of the global object (`globalThis.process`, `global.process`, …). */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
/** Globals a read of the environment can start from (`require` for `require('process')`). */
const ROOT_GLOBALS = new Set([...GLOBAL_OBJECTS, 'process', 'require']);

/** `'process'` or `'node:process'` as the argument of `require(…)`. */
function isProcessSpecifier(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'Literal' && typeof node.value === 'string' && normalizeModuleName(node.value) === 'process';
}

function getKind(ref: ModuleRef | null): Kind | null {
  if (ref === null) return null;
  if (ref.module === 'process') {
    if (ref.path.length === 0) return 'process';
    return ref.path.length === 1 && ref.path[0] === 'env' ? 'env' : null;
  }
  return ref.module === GLOBAL_MODULE && ref.path.length === 0 ? 'global' : null;
}

/** The kind of `value[key]` for a global object or `process` value. */
function stepKind(kind: Kind, key: string | null): Kind | null {
  if (key === null) return null;
  if (kind === 'global') return key === 'process' ? 'process' : GLOBAL_OBJECTS.has(key) ? 'global' : null;
  if (kind === 'process') return key === 'env' ? 'env' : key === 'default' ? 'process' : null;
  return null;
}

/**
 * References to the root globals that no local binding shadows: unresolved ones, and those that
 * resolve to a global the configuration or the TypeScript lib declares (a variable with no
 * definition in the file).
 */
function getGlobalReferences(scopeManager: TSESLint.Scope.ScopeManager | null): TSESLint.Scope.Reference[] {
  const globalScope = scopeManager?.globalScope;
  if (!globalScope) return [];
  const references = globalScope.through.filter((reference) => ROOT_GLOBALS.has(reference.identifier.name));
  for (const name of ROOT_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) references.push(...variable.references);
  }
  return references;
}

/**
 * Climbs from `node` through wrappers that pass its value on unchanged (`as`, `!`, `?.`, `await`,
 * `a ?? b`, `c ? a : b`) and returns the outermost such expression and its parent.
 */
function climb(node: TSESTree.Node): [TSESTree.Node, TSESTree.Node | undefined] {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return [current, undefined];
    switch (parent.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
      case 'AwaitExpression':
        break;
      case 'LogicalExpression':
        // The left operand of `&&` is only tested (`process.env && …`); every other operand can be the value.
        if (parent.operator === '&&' && parent.left === current) return [current, parent];
        break;
      case 'ConditionalExpression':
        if (parent.test === current) return [current, parent];
        break;
      case 'SequenceExpression':
        if (parent.expressions[parent.expressions.length - 1] !== current) return [current, undefined];
        break;
      default:
        return [current, parent];
    }
    current = parent;
  }
}

/** `process.env.X = …`, `delete process.env.X`, `[process.env.X] = …`: writes, not reads. */
function isWriteTarget(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case 'AssignmentExpression':
      return parent.left === node && parent.operator === '=';
    case 'UnaryExpression':
      return parent.operator === 'delete';
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node;
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'AssignmentPattern':
      return parent.right !== node;
    case 'Property':
      return parent.value === node && parent.parent.type === 'ObjectPattern';
    default:
      return false;
  }
}

/** `Object.assign(…)` gives `'assign'`; anything that is not a call of an `Object` method gives `null`. */
function getObjectMethod(call: TSESTree.CallExpression): string | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Object') return null;
  return getKeyName(callee);
}

function isExported(id: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = id;
  while (node.type !== 'VariableDeclaration') {
    if (node.type === 'Program' || node.type.includes('Function') || node.type === 'ImportDeclaration') return false;
    node = node.parent;
  }
  return node.parent.type === 'ExportNamedDeclaration';
}

function formatVariable(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `process.env.${name}` : `process.env[${JSON.stringify(name)}]`;
}

/**
 * True when `filename` matches one of the globs. The path is taken relative to `cwd`; a file outside
 * `cwd` (which flat config never lints, but eslintrc and API callers can) is matched by its absolute
 * path, so globs that start with `**` still find it. Exported for tests.
 */
export function isConfigFile(filename: string, cwd: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const absolute = path.resolve(cwd, filename);
  const relative = path.relative(cwd, absolute);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  const candidate = (inside ? relative : absolute).split(path.sep).join('/');
  return getMatchers(globs).some((matcher) => matcher.test(candidate));
}

/**
 * Compiled globs by their text. Compiling costs far more than a match, and a match runs once per
 * file that reads the environment, so the regular expressions are kept; one depends on nothing but its glob's text, and the
 * cache is bounded, so this is the one module-level cache of the rule.
 */
const matcherCache = new Map<string, RegExp>();
const MAX_CACHED_MATCHERS = 256;
const NEVER = /$^/;

function getMatchers(globs: readonly string[]): RegExp[] {
  return globs.map((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      if (matcherCache.size >= MAX_CACHED_MATCHERS) matcherCache.clear();
      // `makeRe` gives `false` only for an invalid pattern, which matches no path.
      matcher = new Minimatch(glob, { dot: true }).makeRe() || NEVER;
      matcherCache.set(glob, matcher);
    }
    return matcher;
  });
}
