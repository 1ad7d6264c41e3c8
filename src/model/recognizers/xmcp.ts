import { memoizeByUnit } from '../../util/memo.js';
import { findExport } from '../../util/module-loader.js';
import type { SourceUnit } from '../../util/source-unit.js';
import { getConfigDescriptions } from '../descriptions.js';
import { importsAny } from '../frameworks.js';
import { resolveHandler } from '../handler-resolution.js';
import { plainLens } from '../lens.js';
import type { DescriptionSite, InputSchema, ToolKind } from '../types.js';
import { argumentsBinding, readNameProperty, readSchema } from './common.js';
import type { Recognizer } from './types.js';

const DIRECTORIES: Readonly<Record<string, ToolKind>> = { tools: 'tool', prompts: 'prompt', resources: 'resource' };

interface XmcpFile {
  readonly kind: ToolKind;
  /** Bracketed path segments below `resources/` (`[userId]`): URI template variables. */
  readonly variables: readonly string[];
  /** The file name without extension: the default tool name. */
  readonly baseName: string;
}

/** Where a file sits in xmcp's layout: under a `tools/`, `prompts/` or `resources/` directory. */
const classifyPath = memoizeByUnit((unit: SourceUnit): XmcpFile | null => {
  const segments = unit.filename.split(/[\\/]/);
  const baseName = (segments[segments.length - 1] ?? '').replace(/\.[cm]?[jt]sx?$/, '');
  for (let i = segments.length - 2; i >= 0; i--) {
    const kind = DIRECTORIES[segments[i] as string];
    if (!kind) continue;
    const variables = segments.slice(i + 1).flatMap((segment) => {
      const match = /^\[(?:\.\.\.)?([^\]]+)\]/.exec(segment);
      return match ? [match[1] as string] : [];
    });
    return { kind, variables, baseName };
  }
  return null;
});

/**
 * xmcp file-based tools: a file under a `tools/` directory (default config `src/tools/**`; any
 * path segment `tools` counts, since `paths.tools` is configurable) with `export default function`
 * (or an arrow, an identifier, or a wrapper such as `export default paid(handler)`), plus `export
 * const schema` (a raw zod shape) and/or `export const metadata = { name, description }`. The
 * same for prompts (`prompts/`) and resources (`resources/`; bracketed segments such as
 * `[userId]` are URI template variables, delivered in param 0).
 *
 * Gate: the file imports `xmcp` (a type import such as `InferSchema`/`ToolMetadata` counts), or it
 * exports both `metadata` and `schema`. Registration: the `export default` declaration. Input:
 * param 0 when a schema is exported (tools, prompts) or the resource is a template; param 1 (`extra`)
 * is server-side. xmcp hands the schema to the SDK, which validates it; the default export may
 * return a plain string or number (`'raw-value'`).
 */
export const recognizeXmcp: Recognizer = (node, unit) => {
  if (node.type !== 'ExportDefaultDeclaration') return null;
  const file = classifyPath(unit);
  if (!file) return null;
  const schemaExport = findExport(unit, 'schema');
  const metadataExport = findExport(unit, 'metadata');
  if (!importsAny(unit, ['xmcp']) && !(schemaExport && metadataExport)) return null;
  const lens = plainLens(unit);
  const { handler, wrappers } = resolveHandler(unit, node.declaration, lens);
  if (!handler && wrappers.length === 0) return null;
  const role = file.kind === 'tool' ? 'tool' : file.kind === 'prompt' ? 'prompt' : 'resource';
  const descriptions: DescriptionSite[] = [];
  let name: string | null = file.baseName;
  let nameNode = null;
  const metadata = metadataExport && lens.value(metadataExport.node);
  if (metadata?.type === 'ObjectExpression') {
    descriptions.push(...getConfigDescriptions(lens, metadata, role));
    const named = readNameProperty(lens, metadata, 'name');
    if (named.nameNode) ({ name, nameNode } = named);
  }
  let inputSchema: InputSchema | null = null;
  if (schemaExport) {
    const read = readSchema(lens, schemaExport.node, true);
    inputSchema = read.inputSchema;
    descriptions.push(...read.descriptions);
  }
  const kind: ToolKind = file.kind === 'resource' && (file.variables.length > 0 || schemaExport) ? 'resource-template' : file.kind;
  const hasInput = file.kind === 'resource' ? kind === 'resource-template' : schemaExport !== null;
  return [{
    framework: 'xmcp',
    kind,
    registration: node,
    name,
    nameNode,
    descriptions,
    inputSchema,
    handler,
    inputs: hasInput ? [argumentsBinding(0)] : [],
    wrappers,
    resultStyle: 'raw-value',
  }];
};
