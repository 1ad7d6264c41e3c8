import { getToolHandlers } from '../model/index.js';
import { findFlows } from '../taint/flows.js';
import { flowMessageData } from '../taint/report.js';
import type { Flow } from '../taint/types.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ checkPaths: boolean }];
export type MessageId = 'controlledUrl' | 'controlledPath' | 'hostHeader' | 'crossModule' | 'crossModulePath';

export default createRule<Options, MessageId>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-ssrf.md',
      description: 'Disallow tool input as the URL, host or path of an outbound request without a host allowlist',
      recommended: true,
      cwe: ['CWE-918'],
      owasp: ['MCP05'],
    },
    messages: {
      controlledUrl:
        'Tool input `{{source}}`{{origin}} can choose the host `{{sink}}` sends a request to (a full URL, or text that reaches the authority), so the server can be made to call internal addresses such as `169.254.169.254` or `localhost`. Parse it with `new URL()` and refuse it unless `url.hostname` is in an allowlist.',
      controlledPath:
        'Tool input `{{source}}`{{origin}} is spliced unencoded into the path or query of the URL `{{sink}}` requests: `../`, `?`, `#` or `&` in it change which endpoint of that host is called. Encode it with `encodeURIComponent`, or check it against an allowlist.',
      hostHeader:
        'Tool input `{{source}}`{{origin}} is the `Host` header of the request `{{sink}}` sends, which can route it to another virtual host behind the same address. Use a fixed `Host`, or check the value against an allowlist.',
      crossModule:
        'Tool input `{{source}}`{{origin}} reaches the URL of `{{sink}}` at {{location}} through `{{via}}()` with no host allowlist check. Check the parsed `hostname` against an allowlist before the call, or in that function.',
      crossModulePath:
        'Tool input `{{source}}`{{origin}} is spliced unencoded into the path or query of the URL `{{sink}}` requests at {{location}} through `{{via}}()`: `../`, `?`, `#` or `&` in it change which endpoint of that host is called. Encode it with `encodeURIComponent` where the URL is built, or check it against an allowlist before the call.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkPaths: {
            type: 'boolean',
            description:
              'Also report input spliced unencoded into the path or query after a fixed origin (`controlledPath`, and `crossModulePath` through a function of another module), where it cannot change the host but can change the endpoint.',
          },
        },
      },
    ],
    defaultOptions: [{ checkPaths: true }],
  },
  create(context, [{ checkPaths }]) {
    const unit = getSourceUnit(context);
    const reported = new Set<string>();

    function messageFor(flow: Flow): MessageId {
      const form = flow.sink.point.form;
      const pathOnly = form === 'url-path' || (form !== 'host-header' && flow.origin.state.urlPart !== undefined);
      if (flow.via.length > 0) return pathOnly ? 'crossModulePath' : 'crossModule';
      if (form === 'host-header') return 'hostHeader';
      if (pathOnly) return 'controlledPath';
      return 'controlledUrl';
    }

    return {
      'Program:exit'() {
        const flows = getToolHandlers(unit).flatMap((handler) => findFlows(unit, handler, ['network-url']));
        // One report per position, the worst: a controlled host before a controlled path.
        const rank: Record<MessageId, number> = { controlledUrl: 0, crossModule: 1, hostHeader: 2, controlledPath: 3, crossModulePath: 4 };
        flows.sort((a, b) => rank[messageFor(a)] - rank[messageFor(b)]);
        for (const flow of flows) {
          const node = flow.entry;
          const key = `${node.range[0]}:${node.range[1]}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const messageId = messageFor(flow);
          if ((messageId === 'controlledPath' || messageId === 'crossModulePath') && !checkPaths) continue;
          context.report({
            node,
            messageId,
            data: {
              ...flowMessageData(flow, context.cwd),
            },
          });
        }
      },
    };
  },
});
