import type { TSESTree } from '@typescript-eslint/utils';

import { getDescriptionSites, getToolHandlers, type DescriptionSite } from '../model/index.js';
import { getKeyName, getStaticString } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { findInjections, formatForMessage, type InjectionCategory } from '../util/description-detectors.js';
import { describeSite, resolveDescriptionText, type DynamicReason } from '../util/description-text.js';
import { getSourceUnit, type SourceUnit } from '../util/source-unit.js';

export type Options = [{ allowPatterns: string[] }];
export type MessageId = InjectionCategory | 'dynamicDescription';

export default createRule<Options, MessageId>({
  name: 'no-description-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow instructions, tool shadowing, secret references, hidden characters and encoded text in LLM-visible descriptions',
      recommended: true,
      cwe: ['CWE-1427', 'CWE-451'],
      owasp: ['MCP03'],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-description-injection.md',
    },
    messages: {
      instruction:
        'This {{what}} contains an instruction aimed at the model: "{{fragment}}". A description should say what the tool does; directives to the model are how tool poisoning works.',
      toolReference:
        'This {{what}} directs how another tool is used: "{{fragment}}". That is how tool shadowing works; describe only this tool.',
      sensitiveReference:
        'This {{what}} refers to a credential file or secret: "{{fragment}}". A description has no reason to point the model at secrets; remove it.',
      hiddenCharacter:
        'This {{what}} contains {{detail}}, invisible to a human reviewer: "{{fragment}}". Hidden characters carry text only the model reads; remove them.',
      encodedPayload:
        'This {{what}} contains base64 that decodes to text: "{{fragment}}" reads "{{detail}}". Encoded text hides instructions from reviewers; remove it.',
      dynamicDescription:
        'This {{what}} {{how}} and cannot be checked. Write it as a string constant, so that reviewers and this rule see what the model will read.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowPatterns: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Regular expressions (source text, compiled with the `u` flag): a description in which one matches anywhere is not reported for its content. Descriptions computed at run time are still reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allowPatterns: [] }],
  },
  create(context, [{ allowPatterns }]) {
    const allowed = allowPatterns.map((source, index) => compilePattern(source, index));
    return {
      'Program:exit'() {
        const unit = getSourceUnit(context);
        const sites = getDescriptionSites(unit);
        const { owners, toolNames } = collectToolNames(unit, sites);
        // One finding per run-time expression, at the first description it feeds (a helper or a
        // constant shared by eleven descriptions is one thing to review, not eleven).
        const dynamics = new Map<TSESTree.Node, { node: TSESTree.Node; what: string; how: string; others: number }>();
        for (const site of sites) {
          const text = resolveDescriptionText(site.node);
          if (text.kind === 'none') continue;
          if (text.kind === 'dynamic') {
            const seen = dynamics.get(text.key);
            if (seen) seen.others++;
            else dynamics.set(text.key, { node: site.node, what: describeSite(site.role, text.origin), how: DYNAMIC_HOW[text.reason](`\`${text.source}\``), others: 0 });
            continue;
          }
          const reported = new Set<InjectionCategory>();
          for (const variant of text.variants) {
            if (allowed.some((pattern) => pattern.test(variant.text))) continue;
            for (const finding of findInjections(variant.text, { toolNames, ownName: owners.get(site.node) ?? null })) {
              if (reported.has(finding.category)) continue;
              reported.add(finding.category);
              report(site.node, finding.category, {
                what: describeSite(site.role, variant.origin),
                fragment: formatForMessage(finding.fragment, 60),
                detail: finding.category === 'encodedPayload' ? formatForMessage(finding.detail, 50) : finding.detail,
              });
            }
          }
        }
        for (const { node, what, how, others } of dynamics.values()) {
          report(node, 'dynamicDescription', { what: others === 0 ? what : `${what} (and ${others} other ${others === 1 ? 'description' : 'descriptions'})`, how });
        }
      },
    };

    function report(node: TSESTree.Node, messageId: MessageId, data: Record<string, string>): void {
      context.report({ node, messageId, data });
    }
  },
});

/** How a run-time description gets its text, naming the expression that supplies it. */
const DYNAMIC_HOW: Readonly<Record<DynamicReason, (source: string) => string>> = {
  call: (source) => `is computed at run time by ${source}`,
  file: (source) => `is read at run time by ${source}`,
  environment: (source) => `comes from the environment (${source})`,
  parameter: (source) => `comes from the parameter ${source}, whose callers this rule cannot see,`,
  import: (source) => `comes from ${source} in a module this rule does not read,`,
  variable: (source) => `comes from ${source}, a variable assigned more than once,`,
  unknown: (source) => `is only known at run time (${source})`,
};

/** Compiles an `allowPatterns` entry, or fails with an error that names it. */
function compilePattern(source: string, index: number): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    throw new Error(`mcp-security/no-description-injection: allowPatterns[${index}] (${JSON.stringify(source)}) is not a valid regular expression: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The names of the tools the file registers (handlers and low-level tool-list entries), and for
 * each description site the name of the tool it belongs to (a tool may name itself).
 */
function collectToolNames(unit: SourceUnit, sites: readonly DescriptionSite[]): { owners: Map<TSESTree.Node, string>; toolNames: string[] } {
  const owners = new Map<TSESTree.Node, string>();
  const names = new Set<string>();
  for (const handler of getToolHandlers(unit)) {
    if (handler.kind !== 'tool' || handler.name === null) continue;
    names.add(handler.name);
    for (const site of handler.descriptions) owners.set(site.node, handler.name);
  }
  for (const site of sites) {
    if (site.role !== 'tool-list') continue;
    const property = site.node.parent;
    const entry = property?.parent;
    if (property?.type !== 'Property' || entry?.type !== 'ObjectExpression') continue;
    const nameProperty = entry.properties.find((p): p is TSESTree.Property => p.type === 'Property' && getKeyName(p) === 'name');
    const name = nameProperty ? getStaticString(unit, nameProperty.value) : null;
    if (name === null) continue;
    names.add(name);
    owners.set(site.node, name);
  }
  return { owners, toolNames: [...names] };
}
