import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingClassBody, findProperty, getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { memoize } from '../util/memo.js';
import { findExport, findRelativeImport, isRelativeSpecifier, isRequireDefinition } from '../util/module-loader.js';
import { getModuleRef, isRef, type ModuleRef } from '../util/module-refs.js';
import { ownReturns } from '../util/node-index.js';
import { getSingleInit, getUnitOfNode, getVariable, isReassigned } from '../util/source-unit.js';

/*
 * Following a value to where it was made, for the rules that ask "what is this object?" rather
 * than "where does this string flow?": a rate limiter instance (`require-rate-limit`), a database
 * client, the helper a handler calls. Identifiers, `this.x` class members and relative imports are
 * followed; nothing here tracks taint.
 */

const MAX_HOPS = 4;
/**
 * Steps from a receiver back to the call that made it: bindings, `await`, member reads and calls
 * that keep the instance, a project function's or method's returns, the arguments of the calls
 * followed (`page` ← `service.createPage(context)` ← `return page` ← `context.newPage()` ← the
 * argument `context` ← `{ context }` of `service.createContext(browser)` ← its `return { context }`
 * ← `browser.newContext()` ← the argument `browser` ← `service.createBrowser()` ← its `return
 * chromium.launch()` is thirteen).
 */
const MAX_INSTANCE_STEPS = 16;
/**
 * Values one question may visit in all: a function with several `return`s is followed once per
 * `return`, so without a total the depth bound alone would allow a product of branches.
 */
const MAX_INSTANCE_WORK = 256;

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

/**
 * The value of a variable declared without one (or as `null`) and assigned exactly once elsewhere
 * (`let page;` at module level, `page = (await browser.pages())[0]` in a set-up function; `let
 * browser = null;` before a `try` that sets it): wherever it is read, it holds that value or nothing yet.
 */
function singleLaterWrite(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || (def.node.init != null && !isNothing(def.node.init)) || def.node.id.type !== 'Identifier') return undefined;
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

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The project class an expression names: a declaration, `const C = class {}`, an import of a relative module. */
const resolveClass = memoize((node: TSESTree.Node): ClassNode | null => {
  let current = unwrapExpression(node);
  for (let hop = 0; hop < MAX_HOPS && current.type === 'Identifier'; hop++) {
    const binding = resolveBinding(current);
    if (binding.kind !== 'value') return null;
    current = unwrapExpression(binding.node);
  }
  return current.type === 'ClassDeclaration' || current.type === 'ClassExpression' ? current : null;
});

/**
 * The project class an expression holds an instance of: `new C(…)` through bindings (a `const`, a
 * class field, an import), or a declared type naming a project class (`svc: BrowserService`).
 */
const instanceClass = memoize((node: TSESTree.Node): ClassNode | null => {
  let current = unwrapAwait(node);
  for (let hop = 0; hop < MAX_HOPS && (current.type === 'Identifier' || current.type === 'MemberExpression'); hop++) {
    const binding = resolveBinding(current);
    if (binding.kind === 'type') return binding.node.type === 'TSTypeReference' ? resolveClass(binding.node.typeName) : null;
    if (binding.kind !== 'value') return null;
    current = unwrapAwait(binding.node);
  }
  return current.type === 'NewExpression' ? resolveClass(current.callee) : null;
});

/** A method (or a function-valued field) of a class, static or not; inherited ones are not looked up. */
function findMethod(owner: ClassNode, name: string, isStatic: boolean): FunctionNode | null {
  for (const element of owner.body.body) {
    if ((element.type !== 'MethodDefinition' || element.kind !== 'method') && element.type !== 'PropertyDefinition') continue;
    if (element.static !== isStatic || getKeyName(element) !== name) continue;
    const value = element.value ? unwrapExpression(element.value) : null;
    if (isFunctionNode(value)) return value;
    // An overload signature (no body) comes before the implementation; a field holds some other value.
    if (element.type === 'PropertyDefinition') return null;
  }
  return null;
}

/** The class `this` stands for at `node`, and whether it is the class itself (static) or an instance. */
function thisClass(node: TSESTree.Node): { owner: ClassNode; isStatic: boolean } | null {
  for (let current = node.parent; current; current = current.parent) {
    // A function of its own (not an arrow, not the member's own function) has its own `this`.
    if (current.type === 'FunctionDeclaration') return null;
    if (current.type === 'FunctionExpression' && current.parent.type !== 'MethodDefinition' && current.parent.type !== 'PropertyDefinition') return null;
    if (current.type === 'MethodDefinition' || current.type === 'PropertyDefinition') return { owner: current.parent.parent, isStatic: current.static };
    if (current.type === 'StaticBlock') return { owner: current.parent.parent, isStatic: true };
  }
  return null;
}

/**
 * The function a member call runs in the project: a method of a class of the same file or of a
 * relative module (`this.launch()` in the class, `service.createPage()` on an instance,
 * `Browsers.open()` static), or a function held by an object literal (`const pages = { open() {…} }`).
 */
const projectMethod = memoize((callee: TSESTree.MemberExpression): FunctionNode | null => {
  const name = getKeyName(callee);
  if (name === null) return null;
  const object = unwrapExpression(callee.object);
  if (object.type === 'ThisExpression') {
    const found = thisClass(callee);
    return found ? findMethod(found.owner, name, found.isStatic) : null;
  }
  const owner = instanceClass(object);
  if (owner) return findMethod(owner, name, false);
  const named = resolveClass(object);
  if (named) return findMethod(named, name, true);
  if (object.type !== 'Identifier') return null;
  const binding = resolveBinding(object);
  const holder = binding.kind === 'value' ? unwrapExpression(binding.node) : null;
  const property = holder?.type === 'ObjectExpression' ? findProperty(holder, name) : undefined;
  const value = property ? unwrapExpression(property.value) : null;
  return isFunctionNode(value) ? value : null;
});

/** The project function a call runs: a method (see {@link projectMethod}) or a named function. */
function calledFunction(callee: TSESTree.Node): FunctionNode | null {
  return (callee.type === 'MemberExpression' ? projectMethod(callee) : null) ?? resolveFunction(callee);
}

/** A call being followed into the function it runs: that function's parameters hold the call's arguments. */
interface Frame {
  readonly fn: FunctionNode;
  readonly args: readonly TSESTree.CallExpressionArgument[];
  /** The call the call's own arguments are read in (`null`: the code the question started in). */
  readonly caller: Frame | null;
}

/** One question: which members keep an instance, and how many values it has visited so far. */
interface Search {
  readonly pass: (ref: ModuleRef, member: string) => boolean;
  work: number;
}

type Reader = (node: TSESTree.Node, depth: number, frame: Frame) => ModuleRef | null;

/**
 * The instance every `return` of a function gives when `call` runs it (all must agree; returning
 * nothing counts as none). Its parameters are read as the call's arguments.
 */
function returnedInstance(fn: FunctionNode, call: TSESTree.CallExpression, depth: number, frame: Frame | null, read: Reader): ModuleRef | null {
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
  const inner: Frame = { fn, args: call.arguments, caller: frame };
  let found: ModuleRef | null = null;
  for (const node of returned) {
    const ref = read(node, depth + 1, inner);
    if (!ref || (found && !isRef(found, ref.module, ...ref.path))) return null;
    found = ref;
  }
  return found;
}

/**
 * What a parameter holds in the call being followed: the argument in its place, read where the call
 * is. `null` for a parameter of no followed call, a reassigned one, a rest or destructured one.
 */
function passedArgument(identifier: TSESTree.Identifier, frame: Frame | null): { node: TSESTree.Node; frame: Frame | null } | null {
  if (!frame) return null;
  const unit = getUnitOfNode(identifier);
  const variable = unit ? getVariable(unit, identifier) : undefined;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Parameter' || isReassigned(variable)) return null;
  for (let current: Frame | null = frame; current; current = current.caller) {
    if (def.node !== current.fn) continue;
    const index = current.fn.params.findIndex((param) => param === def.name);
    const argument = index < 0 ? undefined : current.args[index];
    return argument && argument.type !== 'SpreadElement' ? { node: argument, frame: current.caller } : null;
  }
  return null;
}

/** `const { context } = init` (one level, a static key, never reassigned): the `init` and the key read. */
function destructuredPart(identifier: TSESTree.Identifier): { init: TSESTree.Expression; key: string } | null {
  const unit = getUnitOfNode(identifier);
  const variable = unit ? getVariable(unit, identifier) : undefined;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== 'ObjectPattern' || !def.node.init) return null;
  const property = def.name.parent;
  if (property.type !== 'Property' || property.parent !== def.node.id || property.value !== def.name || isReassigned(variable)) return null;
  const key = getKeyName(property);
  return key === null ? null : { init: def.node.init, key };
}

/**
 * The object a receiver was made by, as a module reference with `'#'` marking "an instance of":
 * `new Client()` from 'pg' is `pg` `['Client', '#']`, `mysql.createPool()` is `mysql2`
 * `['createPool', '#']`, `knex({…})` is `knex` `['#']`. Followed through `const`, `await`, class
 * members (`this.db`, a declared type `Database` imported from the module), the calls and
 * properties `pass` says keep the instance (`pool.getConnection()`, `conn.promise()`), and the
 * project's functions and class methods whose `return`s all give one instance, their parameters
 * read as the arguments of the call (`service.createPage(context)` returning `context.newPage()`),
 * also through a returned object literal (`const { page } = await openSession()`).
 */
export function getInstanceRef(node: TSESTree.Node, pass: (ref: ModuleRef, member: string) => boolean): ModuleRef | null {
  return instanceOf(node, { pass, work: 0 }, 0, null);
}

function instanceOf(node: TSESTree.Node, search: Search, depth: number, frame: Frame | null): ModuleRef | null {
  if (depth > MAX_INSTANCE_STEPS || ++search.work > MAX_INSTANCE_WORK) return null;
  const value = unwrapAwait(node);
  const read: Reader = (returned, d, f) => instanceOf(returned, search, d, f);
  if (value.type === 'NewExpression' || value.type === 'CallExpression') {
    const callee = unwrapExpression(value.callee);
    const direct = getModuleRef(callee);
    if (direct && !isRelativeSpecifier(direct.module)) return { module: direct.module, path: [...direct.path, '#'] };
    if (callee.type === 'MemberExpression' && !direct) {
      const name = getKeyName(callee);
      const base = name === null ? null : instanceOf(callee.object, search, depth + 1, frame);
      if (base && name !== null && search.pass(base, `${name}()`)) return base;
    }
    // A project function or method that returns one kind of instance (`const page = await ensureBrowser()`,
    // `await service.createPage(context)`); a class of the project makes none the rules look for.
    const fn = value.type === 'CallExpression' ? calledFunction(callee) : null;
    if (fn && value.type === 'CallExpression') return returnedInstance(fn, value, depth, frame, read);
    if (direct) return { module: direct.module, path: [...direct.path, '#'] };
    if (callee.type === 'MemberExpression') return null;
    // knex instances are functions: `db('users')` is a query builder of the same database.
    const base = instanceOf(callee, search, depth + 1, frame);
    return base && search.pass(base, '()') ? base : null;
  }
  // `context.pages()[0] ?? (await context.newPage())`: the value is one side or the other.
  if (value.type === 'LogicalExpression' && value.operator !== '&&') {
    return instanceOf(value.left, search, depth + 1, frame) ?? instanceOf(value.right, search, depth + 1, frame);
  }
  if (value.type === 'MemberExpression' && unwrapExpression(value.object).type !== 'ThisExpression') {
    const name = getKeyName(value);
    return name === null ? null : memberInstance(value.object, name, search, depth + 1, frame);
  }
  // A parameter of a call being followed holds that call's argument (its declared type, if any, otherwise).
  const passed = value.type === 'Identifier' ? passedArgument(value, frame) : null;
  const fromCall = passed ? instanceOf(passed.node, search, depth + 1, passed.frame) : null;
  if (fromCall) return fromCall;
  if (value.type !== 'Identifier' && value.type !== 'MemberExpression') return null;
  const binding = resolveBinding(value);
  if (binding.kind === 'value') {
    const bound = unwrapExpression(binding.node);
    if (bound.type === 'ClassDeclaration' || bound.type === 'FunctionDeclaration' || isFunctionNode(bound)) return null;
    return instanceOf(bound, search, depth + 1, frame);
  }
  if (binding.kind === 'type' && binding.node.type === 'TSTypeReference') {
    const ref = getModuleRef(binding.node.typeName);
    return ref ? { module: ref.module, path: [...ref.path, '#'] } : null;
  }
  // `const { context } = await service.createContext(browser)` (a `require` of a relative module is a binding above).
  const part = value.type === 'Identifier' ? destructuredPart(value) : null;
  return part ? memberInstance(part.init, part.key, search, depth + 1, frame) : null;
}

/**
 * `object.name`: a member of an instance that `pass` says keeps it (`page.request`), or the value of
 * property `name` of an object literal the object is (`{ browser, page }`, also as a project
 * function's `return`).
 */
function memberInstance(object: TSESTree.Node, name: string, search: Search, depth: number, frame: Frame | null): ModuleRef | null {
  const base = instanceOf(object, search, depth, frame);
  if (base && !isRelativeSpecifier(base.module)) return search.pass(base, name) ? base : null;
  return propertyInstance(object, name, search, depth, frame);
}

function propertyInstance(object: TSESTree.Node, name: string, search: Search, depth: number, frame: Frame | null): ModuleRef | null {
  if (depth > MAX_INSTANCE_STEPS || ++search.work > MAX_INSTANCE_WORK) return null;
  const value = unwrapAwait(object);
  if (value.type === 'ObjectExpression') {
    const property = findProperty(value, name);
    return property ? instanceOf(property.value, search, depth + 1, frame) : null;
  }
  if (value.type === 'CallExpression') {
    const fn = calledFunction(unwrapExpression(value.callee));
    return fn ? returnedInstance(fn, value, depth, frame, (returned, d, f) => propertyInstance(returned, name, search, d, f)) : null;
  }
  if (value.type === 'Identifier') {
    const passed = passedArgument(value, frame);
    if (passed) return propertyInstance(passed.node, name, search, depth + 1, passed.frame);
  }
  if (value.type !== 'Identifier') return null;
  const binding = resolveBinding(value);
  return binding.kind === 'value' ? propertyInstance(binding.node, name, search, depth + 1, frame) : null;
}
