import path from 'node:path';

import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { memoize, memoizeByUnit } from './memo.js';
import { getTypeServices } from './type-services.js';

type ScopeManager = TSESLint.Scope.ScopeManager;
type Variable = TSESLint.Scope.Variable;
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * One parsed source file, whether it is the file being linted or a module the analysis followed
 * into. Everything in `model/` and `taint/` works on a unit, never on a rule context, so the same
 * code summarises imported files.
 */
export interface SourceUnit {
  readonly filename: string;
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
  /** Present only when the file was linted with a TypeScript program. */
  readonly typeServices: ParserServicesWithTypeInformation | undefined;
  /**
   * The directory relative imports may be followed within (ESLint's working directory, the scanned
   * directory for `scan`); `undefined` for no limit (a unit built outside a lint, or a file linted
   * from outside the working directory).
   */
  readonly root?: string;
  /**
   * Calls `visit` on every node in pre-order, from the traversal ESLint has already made and cached
   * (`SourceCode#traverse()`, ESLint 9 and later); absent otherwise, and the node index walks the AST.
   */
  readonly forEachNode?: (visit: (node: TSESTree.Node) => void) => void;
}

/** A step of ESLint's cached traversal: `kind` 1 enters (`phase` 1) or leaves (`phase` 2) the node `target`. */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: unknown;
  readonly target: unknown;
}

/** ESLint's own walk of the file, when its `SourceCode` offers one (see {@link SourceUnit.forEachNode}). */
function eslintTraversal(sourceCode: TSESLint.SourceCode): SourceUnit['forEachNode'] {
  const { traverse } = sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> };
  if (typeof traverse !== 'function') return undefined;
  return (visit) => {
    for (const step of traverse.call(sourceCode)) if (step.kind === 1 && step.phase === 1) visit(step.target as TSESTree.Node);
  };
}

const unitOfAst = new WeakMap<TSESTree.Program, SourceUnit>();

/** The unit of the file a rule is linting (one object per file, shared by all rules). */
export function getSourceUnit(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): SourceUnit {
  const { sourceCode } = context;
  const cached = unitOfAst.get(sourceCode.ast);
  if (cached) return cached;
  if (sourceCode.scopeManager == null) throw new Error('eslint-plugin-mcp-security: the parser produced no scope manager');
  const traversal = eslintTraversal(sourceCode);
  const unit: SourceUnit = {
    filename: context.filename,
    text: sourceCode.text,
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
    typeServices: getTypeServices(sourceCode),
    ...(isInside(context.cwd, context.filename) ? { root: context.cwd } : {}),
    ...(traversal ? { forEachNode: traversal } : {}),
  };
  unitOfAst.set(sourceCode.ast, unit);
  return unit;
}

/** True when `file` lies inside the directory `root` (as paths: symbolic links are not resolved here). */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Registers a unit built outside ESLint (a followed module), after giving its nodes parents. */
export function registerSourceUnit(unit: SourceUnit): SourceUnit {
  setParents(unit.ast, unit.visitorKeys);
  unitOfAst.set(unit.ast, unit);
  return unit;
}

/** The unit a node belongs to (walks up to its Program). */
export function getUnitOfNode(node: TSESTree.Node): SourceUnit | undefined {
  let current: TSESTree.Node = node;
  while (current.parent) current = current.parent;
  // Only a Program has no parent.
  return unitOfAst.get(current);
}

/** Calls `visit` on every node below `root` (pre-order), following the parser's visitor keys. */
export function walk(root: TSESTree.Node, visitorKeys: VisitorKeys, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as TSESTree.Node);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function setParents(ast: TSESTree.Program, visitorKeys: VisitorKeys): void {
  walk(ast, visitorKeys, (node) => {
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (isNode(c)) (c as { parent?: TSESTree.Node }).parent = node;
      }
    }
  });
}

/** Every identifier of a unit (declaration or reference) mapped to the variable it names. */
const getVariableIndex = memoizeByUnit((unit: SourceUnit): Map<TSESTree.Node, Variable> => {
  const index = new Map<TSESTree.Node, Variable>();
  for (const scope of unit.scopeManager.scopes) {
    for (const variable of scope.variables) {
      for (const id of variable.identifiers) index.set(id, variable);
      for (const ref of variable.references) index.set(ref.identifier, variable);
    }
  }
  return index;
});

/** The variable an identifier declares or refers to; `undefined` for globals and unresolved names. */
export function getVariable(unit: SourceUnit, identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): Variable | undefined {
  return getVariableIndex(unit).get(identifier);
}

/**
 * A variable's write references (its declaration with a value, assignments, updates), in source
 * order. Memoised: the analysis asks at every read of the variable.
 */
export const writeReferences = memoize((variable: Variable): readonly TSESLint.Scope.Reference[] =>
  variable.references.filter((r) => r.isWrite()).sort((a, b) => a.identifier.range[0] - b.identifier.range[0]));

/** True when a variable is written anywhere but its declaration's initialiser (`x = …`, `x++`, `for (x of …)`). */
export const isReassigned = memoize((variable: Variable): boolean => writeReferences(variable).some((r) => r.init !== true));

/**
 * The single value a variable is bound to, when it is written exactly once, at its declaration
 * (`const x = …`, or a `let` never reassigned). `undefined` when there is no such single value.
 */
export function getSingleInit(variable: Variable): TSESTree.Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.node.type !== 'VariableDeclarator' || def.node.init == null) return undefined;
  if (def.node.id.type !== 'Identifier') return undefined;
  const writes = writeReferences(variable);
  if (writes.length > 1 || (writes.length === 1 && writes[0]?.init !== true)) return undefined;
  return def.node.init;
}
