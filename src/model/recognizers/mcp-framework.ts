import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../../util/ast.js';
import { getModuleRef } from '../../util/module-refs.js';
import { importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens } from '../lens.js';
import type { DescriptionSite, InputSchema, ToolKind } from '../types.js';
import { argumentsBinding, readName, readSchema } from './common.js';
import type { Recognizer } from './types.js';

const BASES: Readonly<Record<string, { kind: ToolKind; method: string }>> = {
  MCPTool: { kind: 'tool', method: 'execute' },
  MCPPrompt: { kind: 'prompt', method: 'generateMessages' },
  MCPResource: { kind: 'resource', method: 'read' },
};

/**
 * mcp-framework (QuantGeekDev): `class ReadTool extends MCPTool { name = 'read_file'; description =
 * '…'; schema = …; async execute(input) {} }`, `MCPPrompt` subclasses with
 * `generateMessages(args)`, and `MCPResource` subclasses whose `read()` takes no input. The
 * registration is the class (the framework discovers default exports under `src/tools/`), the
 * handler the method (or an arrow-function field of that name), the descriptions the `description`
 * field and the schema's field descriptions. `schema` is a `z.object(...)` or the legacy `{ field:
 * { type: z.string(), description: '…' } }`; the base class's `toolCall()` validates it before
 * calling `execute`. Any returned value reaches the model (`'raw-value'`).
 */
export const recognizeMcpFramework: Recognizer = (node, unit) => {
  if ((node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || !node.superClass) return null;
  const superClass = unwrapExpression(node.superClass);
  const baseName = superClass.type === 'Identifier' ? superClass.name : superClass.type === 'MemberExpression' ? getKeyName(superClass) : null;
  const base = baseName === null ? undefined : BASES[baseName];
  if (!base) return null;
  if (getModuleRef(superClass)?.module !== 'mcp-framework' && !importsAny(unit, ['mcp-framework'])) return null;
  const lens = plainLens(unit);
  const fields = new Map<string, TSESTree.Node>();
  let method: FunctionNode | null = null;
  let methodValue: TSESTree.Node | null = null;
  for (const element of node.body.body) {
    if ((element.type !== 'PropertyDefinition' && element.type !== 'MethodDefinition') || element.static) continue;
    const key = getKeyName(element);
    if (key === null || !element.value) continue;
    if (key === base.method) {
      if (element.type === 'MethodDefinition' && isFunctionNode(element.value)) method = element.value;
      else methodValue = element.value;
    } else if (element.type === 'PropertyDefinition') fields.set(key, element.value);
    else if (element.kind === 'get') {
      // get description() { return '…'; }
      const returned = element.value.body?.body.find((s): s is TSESTree.ReturnStatement => s.type === 'ReturnStatement')?.argument;
      if (returned) fields.set(key, returned);
    }
  }
  const resolved = method ? { handler: method, wrappers: [] } : methodValue ? resolveHandler(unit, methodValue, lens) : { handler: null, wrappers: [] };
  const role = base.kind === 'tool' ? 'tool' : base.kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions: DescriptionSite[] = [];
  const description = fields.get('description');
  if (description) descriptions.push({ node: description, role });
  const title = fields.get('title');
  if (title) descriptions.push({ node: title, role: 'title' });
  let inputSchema: InputSchema | null = null;
  const schema = fields.get('schema');
  if (schema && base.kind !== 'resource') {
    const read = readSchema(lens, schema, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const nameNode = fields.get('name') ?? null;
  return [{
    framework: 'mcp-framework',
    kind: base.kind,
    registration: node,
    name: nameNode ? readName(lens, nameNode).name : null,
    nameNode,
    descriptions,
    inputSchema,
    handler: resolved.handler,
    inputs: base.kind === 'resource' ? [] : [argumentsBinding(0)],
    wrappers: resolved.wrappers,
    resultStyle: 'raw-value',
  }];
};
