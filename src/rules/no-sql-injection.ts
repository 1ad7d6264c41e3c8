import { getToolHandlers } from '../model/index.js';
import { findFlows } from '../taint/flows.js';
import { flowMessageData } from '../taint/report.js';
import type { Flow } from '../taint/types.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ reportArbitrarySql: boolean }];
export type MessageId = 'sqlInjection' | 'arbitrarySql' | 'crossModule';

export default createRule<Options, MessageId>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-sql-injection.md',
      description: 'Disallow tool input concatenated or templated into SQL text',
      recommended: true,
      cwe: ['CWE-89'],
      owasp: ['MCP05'],
    },
    messages: {
      sqlInjection:
        'Tool input `{{source}}`{{origin}} is spliced into the SQL text of `{{sink}}`, so a quote in it ends the literal and the rest runs as SQL. Pass it as a bound parameter (`$1`, `?`) instead; for an identifier, escape it (`format.ident`, `escapeIdentifier`) or pick it from an allowlist.',
      arbitrarySql:
        'Tool input `{{source}}`{{origin}} is the whole SQL text of `{{sink}}`: the tool runs any statement the client writes, including writes, `DROP` and reads of other tables. If that is the tool\'s purpose, run it as a database user with only the rights the tool needs (read-only, a read-only transaction), and check the statement against an allowlist of statement types.',
      crossModule:
        'Tool input `{{source}}`{{origin}} reaches the SQL text of `{{sink}}` at {{location}} through `{{via}}()`. Pass it as a bound parameter there instead of building the SQL from it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportArbitrarySql: {
            type: 'boolean',
            description:
              'Report tools that run SQL text the client wrote in full (`arbitrarySql`). Turn off only when every such tool runs as a read-only, least-privilege database user.',
          },
        },
      },
    ],
    defaultOptions: [{ reportArbitrarySql: true }],
  },
  create(context, [{ reportArbitrarySql }]) {
    const unit = getSourceUnit(context);
    const reported = new Set<string>();

    function messageFor(flow: Flow): MessageId {
      if (flow.via.length > 0) return 'crossModule';
      // The input itself, not text built from it: the client writes the statement.
      return flow.origin.derived ? 'sqlInjection' : 'arbitrarySql';
    }

    return {
      'Program:exit'() {
        for (const handler of getToolHandlers(unit)) {
          for (const flow of findFlows(unit, handler, ['sql'])) {
            const node = flow.entry;
            const key = `${node.range[0]}:${node.range[1]}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const messageId = messageFor(flow);
            if (messageId === 'arbitrarySql' && !reportArbitrarySql) continue;
            context.report({
              node,
              messageId,
              data: {
                ...flowMessageData(flow, context.cwd),
              },
            });
          }
        }
      },
    };
  },
});
