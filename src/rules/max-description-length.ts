import type { TSESTree } from '@typescript-eslint/utils';

import { getDescriptionSites, type DescriptionRole } from '../model/index.js';
import { createRule } from '../util/create-rule.js';
import { formatCount } from '../util/description-detectors.js';
import { countCharacters, describeSite, resolveDescriptionText } from '../util/description-text.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ max: number }];
export type MessageId = 'tooLong';

export default createRule<Options, MessageId>({
  name: 'max-description-length',
  meta: {
    type: 'problem',
    docs: {
      description: 'Limit the length of tool, parameter, prompt and resource descriptions and server instructions',
      recommended: true,
      strictOptions: [{ max: 512 }],
      cwe: ['CWE-1427'],
      owasp: ['MCP03'],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/max-description-length.md',
    },
    messages: {
      tooLong: 'The {{what}} is {{length}} characters; the limit is {{max}}. {{advice}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          max: {
            type: 'integer',
            minimum: 1,
            description: 'The most characters (Unicode code points) a description may have.',
          },
        },
      },
    ],
    defaultOptions: [{ max: 1024 }],
  },
  create(context, [{ max }]) {
    return {
      'Program:exit'() {
        const unit = getSourceUnit(context);
        for (const site of getDescriptionSites(unit)) {
          const text = resolveDescriptionText(site.node);
          if (text.kind !== 'static') continue;
          let longest = { length: 0, origin: null as string | null };
          for (const variant of text.variants) {
            const length = countCharacters(variant.text);
            if (length > longest.length) longest = { length, origin: variant.origin };
          }
          if (longest.length <= max) continue;
          report(site.node, site.role, longest.length, longest.origin);
        }
      },
    };

    function report(node: TSESTree.Node, role: DescriptionRole, length: number, origin: string | null): void {
      const what = describeSite(role, origin);
      context.report({ node, messageId: 'tooLong', data: { what, length: formatCount(length), max: formatCount(max), advice: ADVICE[role] } });
    }
  },
});

const ADVICE: Readonly<Record<DescriptionRole, string>> = {
  tool: 'Keep it to one short sentence that says what the tool does',
  'tool-list': 'Keep it to one short sentence that says what the tool does',
  title: 'A title is a short display name',
  parameter: 'Say in a short phrase what the value is',
  prompt: 'Keep it to one short sentence that says what the prompt is for',
  resource: 'Keep it to one short sentence that says what the resource holds',
  instructions: 'Keep it to a few sentences on how the server’s tools fit together',
};
