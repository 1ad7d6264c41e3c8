import type { TSESTree } from '@typescript-eslint/utils';

import { getKeyName, resolveValue, unwrapExpression } from '../util/ast.js';
import type { SourceUnit } from '../util/source-unit.js';
import type { Lens } from './lens.js';
import type { DescriptionRole, DescriptionSite } from './types.js';

function isTextValue(unit: SourceUnit, node: TSESTree.Node): boolean {
  const value = resolveValue(unit, node);
  return (value.type === 'Literal' && typeof value.value === 'string') || value.type === 'TemplateLiteral' ||
    (value.type === 'BinaryExpression' && value.operator === '+');
}

/**
 * Whether `description` in `object` is text: a string expression, or (when the object is a JSON
 * Schema property or an argument-list entry, i.e. it has a `type`, `name` or `enum` key) any
 * non-schema value such as an imported constant.
 */
function isDescriptionText(unit: SourceUnit, object: TSESTree.ObjectExpression, value: TSESTree.Node): boolean {
  if (isTextValue(unit, value)) return true;
  const resolved = resolveValue(unit, value);
  if (resolved.type !== 'Identifier' && resolved.type !== 'MemberExpression') return false;
  return object.properties.some((p) => p.type === 'Property' && ['type', 'name', 'enum'].includes(getKeyName(p) ?? ''));
}

/**
 * `.describe('…')` calls (zod), `v.description('…')` actions (valibot) and JSON Schema / argument
 * list `description` keys inside a schema: LLM-visible too.
 */
export function getParameterDescriptions(unit: SourceUnit, schema: TSESTree.Node): DescriptionSite[] {
  const sites: DescriptionSite[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (raw: TSESTree.Node, depth: number): void => {
    if (depth > 8) return;
    const node = resolveValue(unit, raw);
    if (seen.has(node)) return;
    seen.add(node);
    if (node.type === 'CallExpression') {
      const callee = unwrapExpression(node.callee);
      if (callee.type === 'MemberExpression') {
        const method = getKeyName(callee);
        const [first] = node.arguments;
        if (first && first.type !== 'SpreadElement') {
          if (method === 'describe') sites.push({ node: first, role: 'parameter' });
          // valibot: v.pipe(v.string(), v.description('…'))
          else if (method === 'description' && unwrapExpression(callee.object).type === 'Identifier' && isTextValue(unit, first)) {
            sites.push({ node: first, role: 'parameter' });
          }
        }
        visit(callee.object, depth + 1);
      }
      for (const arg of node.arguments) if (arg.type !== 'SpreadElement') visit(arg, depth + 1);
    } else if (node.type === 'ObjectExpression') {
      for (const property of node.properties) {
        if (property.type !== 'Property') continue;
        const value = unwrapExpression(property.value);
        // A JSON Schema `description` holds text; a field *named* description holds a schema.
        if (getKeyName(property) === 'description' && isDescriptionText(unit, node, value)) {
          sites.push({ node: property.value, role: 'parameter' });
        } else visit(property.value, depth + 1);
      }
    } else if (node.type === 'ArrayExpression') {
      for (const element of node.elements) if (element && element.type !== 'SpreadElement') visit(element, depth + 1);
    }
  };
  visit(schema, 0);
  return sites;
}

/**
 * The LLM-visible texts of a definition or config object: `description` (with `role`), `title`
 * and `annotations.title`.
 */
export function getConfigDescriptions(lens: Lens, config: TSESTree.ObjectExpression, role: DescriptionRole): DescriptionSite[] {
  const sites: DescriptionSite[] = [];
  const description = lens.property(config, 'description');
  if (description) sites.push({ node: lens.site(description.value), role });
  const title = lens.property(config, 'title');
  if (title) sites.push({ node: lens.site(title.value), role: 'title' });
  const annotations = lens.property(config, 'annotations');
  const annotationsValue = annotations && lens.value(annotations.value);
  const annotationTitle = annotationsValue?.type === 'ObjectExpression' ? lens.property(annotationsValue, 'title') : undefined;
  if (annotationTitle) sites.push({ node: lens.site(annotationTitle.value), role: 'title' });
  return sites;
}
