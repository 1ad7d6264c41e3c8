import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, unwrapExpression } from '../../util/ast.js';
import { getModuleRef } from '../../util/module-refs.js';
import { importsAny } from '../frameworks.js';

export interface DecoratorCall {
  /** The decorator's name as imported (`Tool`, `ResourceTemplate`). */
  readonly name: string;
  readonly call: TSESTree.CallExpression;
}

/**
 * The decorators of a method that are calls of a function imported from one of `modules`
 * (`@Tool({...})` with `import { Tool } from '@rekog/mcp-nest'`). When the import cannot be seen
 * (a local barrel re-exporting it), a decorator named in `names` counts in a file that imports one
 * of `modules` at all.
 */
export function getFrameworkDecorators(
  method: TSESTree.MethodDefinition,
  modules: readonly string[],
  names: ReadonlySet<string>,
  unit: Parameters<typeof importsAny>[0],
): DecoratorCall[] {
  const found: DecoratorCall[] = [];
  for (const decorator of method.decorators) {
    const expression = unwrapExpression(decorator.expression);
    if (expression.type !== 'CallExpression') continue;
    const callee = unwrapExpression(expression.callee);
    const local = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getKeyName(callee) : null;
    if (local === null) continue;
    const ref = getModuleRef(callee);
    const fromModule = ref !== null && modules.some((m) => ref.module === m || ref.module.startsWith(`${m}/`));
    const imported = fromModule ? ref.path[ref.path.length - 1] ?? local : local;
    if (!names.has(imported)) continue;
    if (fromModule || (ref?.module.startsWith('.') === true && importsAny(unit, modules))) found.push({ name: imported, call: expression });
  }
  return found;
}
