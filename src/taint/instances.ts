import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingClassBody, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { findExport, findRelativeImport, isRequireDefinition } from '../util/module-loader.js';
import { getModuleRef, isRef, type ModuleRef } from '../util/module-refs.js';
import { ownReturns } from '../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable } from '../util/source-unit.js';

/*
 * Following a value to where it was made, for the rules that ask "what is this object?" rather
 * than "where does this string flow?": a rate limiter instance (`require-rate-limit`), a database
 * client, the helper a handler calls. Identifiers, `this.x` class members and relative imports are
 * followed; nothing here tracks taint.
 */

const MAX_HOPS = 4;
/**
 * Steps from a receiver back to the call that made it: bindings, `await`, member reads and calls
 * that keep the instance, a project function's returns (`page` ← `ensureBrowser()` ← `return page`
 * ← `pages[0]` ← `browser.pages()` ← `browser` ← `puppeteer.launch()` is eight).
 */
const MAX_INSTANCE_STEPS = 12;

/** Strips `await` as well as the wrappers `unwrapExpression` strips. */
export function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === 'AwaitExpression') current = unwrapExpression(current.argument);
  return current;
}

/** The names at the end of a callee: `this.limits.rateLimiter.consume` gives `['this', 'limits', 'rateLimiter', 'consume']`. */
export function trailingNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === 'Identifier') {
      names.unshift(current.name);
      return names;
    }
    if (current.type === 'ThisExpression') {
      names.unshift('this');
      return names;
    }
    if (current.type !== 'MemberExpression') return names;
    const key = getKeyName(current);
    if (key === null) return names;
    names.unshift(key);
    current = unwrapExpression(current.object);
  }
}

/**
 * What an identifier or `this.x` is bound to: a single value (a `const` init, a class field, a
 * `this.x = …` in the constructor, an export of a relative module), a declared type, or nothing.
 */
export type Binding =
  | { readonly kind: 'value'; readonly node: TSESTree.Node }
  | { readonly kind: 'type'; readonly node: TSESTree.TypeNode }
  | { readonly kind: 'none' };

/** Memoised per node: a binding is read by every rule that asks what a value is. */
export const resolveBinding = memoize((node: TSESTree.Node): Binding => computeBinding(node));

function computeBinding(node: TSESTree.Node): Binding {
  const expression = unwrapExpression(node);
  const unit = getUnitOfNode(expression);
  if (!unit) return { kind: 'none' };
  if (expression.type === 'Identifier') {
    const variable = getVariable(unit, expression);
    if (!variable || variable.defs.length !== 1) return { kind: 'none' };
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    if (def.type === 'ImportBinding') return importedBinding(variable);
    // `require('./m')` of a relative module; any other `require` is a value like any other.
    const required = isRequireDefinition(def) ? importedBinding(variable) : null;
    if (required && required.kind !== 'none') return required;
    if (def.type === 'FunctionName' || def.type === 'ClassName') return { kind: 'value', node: def.node };
    const init = getSingleInit(variable) ?? singleLaterWrite(variable);
    if (init) return { kind: 'value', node: init };
    const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
    return annotation ? { kind: 'type', node: annotation } : { kind: 'none' };
  }
  if (expression.type === 'MemberExpression' && unwrapExpression(expression.object).type === 'ThisExpression') {
    const name = getKeyName(expression);
    return name === null ? { kind: 'none' } : classMemberBinding(expression, name);
  }
  return { kind: 'none' };
}

/** The instance every `return` of a function gives (all must agree; returning nothing counts as none). */
function returnedInstance(fn: FunctionNode, pass: (ref: ModuleRef, member: string) => boolean, depth: number): ModuleRef | null {
  const returned: TSESTree.Node[] = [];
  if (fn.body.type !== 'BlockStatement') returned.push(fn.body);
  else {
    const unit = getUnitOfNode(fn);
    if (!unit) return null;
    for (const statement of ownReturns(unit, fn)) {
      if (!statement.argument) return null;
      returned.push(statement.argument);
    }
  }
  let found: ModuleRef | null = null;
  for (const node of returned) {
    const ref = getInstanceRef(node, pass, depth);
    if (!ref || (found && !isRef(found, ref.module, ...ref.path))) return null;
    found = ref;
  }
  return found;
}

/**
 * The value of a variable declared without one and assigned exactly once elsewhere (`let page;` at
 * module level, `page = (await browser.pages())[0]` in a set-up function): wherever it is read, it
 * holds that value or nothing yet.
 */
function singleLaterWrite(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || def.node.init != null || def.node.id.type !== 'Identifier') return undefined;
  // Resetting it (`page = null` when the browser closes) adds no other value.
  const writes = variable.references.filter((reference) => reference.isWrite() && !isNothing(reference.writeExpr));
  const assignment = writes.length === 1 ? writes[0]?.identifier.parent : undefined;
  return assignment?.type === 'AssignmentExpression' && assignment.operator === '=' && assignment.left === writes[0]?.identifier ? assignment.right : undefined;
}

function isNothing(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  return (value.type === 'Literal' && value.value === null && !('regex' in value)) || (value.type === 'Identifier' && value.name === 'undefined');
}

/**
 * Memoised per variable, not per reference: a file names its imported database client or helper
 * many times, and each name would otherwise resolve the module on disk again. A whole module
 * (`import * as m`, `const m = require('./m')`) is no single value; its CommonJS `module.exports` is.
 */
const importedBinding = memoize((variable: TSESLint.Scope.Variable): Binding => {
  const def = variable.defs[0];
  const unit = def && getUnitOfNode(def.name);
  const imported = unit ? findRelativeImport(unit, variable) : null;
  if (!imported) return { kind: 'none' };
  const isEsmNamespace = def?.node.type === 'ImportNamespaceSpecifier';
  const found = isEsmNamespace ? null : findExport(imported.module, imported.name ?? 'default');
  return found ? { kind: 'value', node: found.node } : { kind: 'none' };
});


/** `this.limiter`: the class field's value or type, or the constructor's `this.limiter = …`. */
function classMemberBinding(member: TSESTree.MemberExpression, name: string): Binding {
  const body = enclosingClassBody(member);
  if (!body) return { kind: 'none' };
  for (const element of body.body) {
    if (element.type === 'PropertyDefinition' && !element.static && getKeyName(element) === name) {
      if (element.value) return { kind: 'value', node: element.value };
      const type = element.typeAnnotation?.typeAnnotation;
      if (type) return { kind: 'type', node: type };
    }
    if (element.type === 'MethodDefinition' && element.kind === 'method' && !element.static && getKeyName(element) === name) {
      return { kind: 'value', node: element.value };
    }
    if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === name) {
          const type = param.parameter.typeAnnotation?.typeAnnotation;
          if (type) return { kind: 'type', node: type };
        }
      }
      for (const statement of element.value.body?.body ?? []) {
        if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
        const target = statement.expression.left;
        if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression' && getKeyName(target) === name) {
          return { kind: 'value', node: statement.expression.right };
        }
      }
    }
  }
  return { kind: 'none' };
}

/** The function an identifier or member names (local declaration, `const f = () => …`, relative import). */
export const resolveFunction = memoize((node: TSESTree.Node): FunctionNode | null => computeFunction(node));

function computeFunction(node: TSESTree.Node): FunctionNode | null {
  let current: TSESTree.Node = unwrapExpression(node);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (isFunctionNode(current)) return current;
    const binding = resolveBinding(current);
    if (binding.kind !== 'value') return null;
    current = unwrapExpression(binding.node);
    if (current.type === 'MethodDefinition' || current.type === 'PropertyDefinition') return null;
  }
  return isFunctionNode(current) ? current : null;
}

/**
 * The object a receiver was made by, as a module reference with `'#'` marking "an instance of":
 * `new Client()` from 'pg' is `pg` `['Client', '#']`, `mysql.createPool()` is `mysql2`
 * `['createPool', '#']`, `knex({…})` is `knex` `['#']`. Followed through `const`, `await`, class
 * members (`this.db`, a declared type `Database` imported from the module), and the calls and
 * properties `pass` says keep the instance (`pool.getConnection()`, `conn.promise()`).
 */
export function getInstanceRef(
  node: TSESTree.Node,
  pass: (ref: ModuleRef, member: string) => boolean,
  depth = 0,
): ModuleRef | null {
  if (depth > MAX_INSTANCE_STEPS) return null;
  const value = unwrapAwait(node);
  if (value.type === 'NewExpression' || value.type === 'CallExpression') {
    const callee = unwrapExpression(value.callee);
    const direct = getModuleRef(callee);
    if (direct) return { module: direct.module, path: [...direct.path, '#'] };
    if (callee.type === 'MemberExpression') {
      const name = getKeyName(callee);
      const base = name === null ? null : getInstanceRef(callee.object, pass, depth + 1);
      return base && name !== null && pass(base, `${name}()`) ? base : null;
    }
    // A project function that returns one kind of instance (`const page = await ensureBrowser()`).
    const fn = value.type === 'CallExpression' ? resolveFunction(callee) : null;
    if (fn) return returnedInstance(fn, pass, depth + 1);
    // knex instances are functions: `db('users')` is a query builder of the same database.
    const base = getInstanceRef(callee, pass, depth + 1);
    return base && pass(base, '()') ? base : null;
  }
  // `context.pages()[0] ?? (await context.newPage())`: the value is one side or the other.
  if (value.type === 'LogicalExpression' && value.operator !== '&&') {
    return getInstanceRef(value.left, pass, depth + 1) ?? getInstanceRef(value.right, pass, depth + 1);
  }
  if (value.type === 'MemberExpression' && unwrapExpression(value.object).type !== 'ThisExpression') {
    const name = getKeyName(value);
    const base = name === null ? null : getInstanceRef(value.object, pass, depth + 1);
    return base && name !== null && pass(base, name) ? base : null;
  }
  if (value.type !== 'Identifier' && value.type !== 'MemberExpression') return null;
  const binding = resolveBinding(value);
  if (binding.kind === 'value') {
    const bound = unwrapExpression(binding.node);
    if (bound.type === 'ClassDeclaration' || bound.type === 'FunctionDeclaration' || isFunctionNode(bound)) return null;
    return getInstanceRef(bound, pass, depth + 1);
  }
  if (binding.kind === 'type' && binding.node.type === 'TSTypeReference') {
    const ref = getModuleRef(binding.node.typeName);
    return ref ? { module: ref.module, path: [...ref.path, '#'] } : null;
  }
  return null;
}
