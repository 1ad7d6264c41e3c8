import { getToolHandlers } from '../model/index.js';
import { findFlows } from '../taint/flows.js';
import { flowMessageData } from '../taint/report.js';
import type { Flow } from '../taint/types.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ checkModuleLoads: boolean }];
export type MessageId = 'codeEval' | 'moduleLoad' | 'crossModule';

export default createRule<Options, MessageId>({
  name: 'no-code-injection',
  meta: {
    type: 'problem',
    docs: {
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-code-injection.md',
      description: 'Disallow tool input in code the server evaluates or modules it loads',
      recommended: true,
      cwe: ['CWE-94', 'CWE-95'],
      owasp: ['MCP05'],
    },
    messages: {
      codeEval:
        'Tool input `{{source}}`{{origin}} reaches `{{sink}}`, which runs it as JavaScript with the server\'s privileges (`vm` contexts included: `vm` is not a security boundary). Parse the input as data instead (`JSON.parse`, a small expression parser), or pick the code from an allowlist.',
      moduleLoad:
        'Tool input `{{source}}`{{origin}} names the module `{{sink}}` loads, and loading a module runs its code. Map the input to a module through an allowlist of names.',
      crossModule:
        'Tool input `{{source}}`{{origin}} reaches `{{sink}}` at {{location}} through `{{via}}()`, which runs it as code. Check it against an allowlist before the call, or parse it as data there.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkModuleLoads: {
            type: 'boolean',
            description: 'Also report tool input that names a module to load (`require`, `import()`, `fork`, `execaNode`).',
          },
        },
      },
    ],
    defaultOptions: [{ checkModuleLoads: true }],
  },
  create(context, [{ checkModuleLoads }]) {
    const unit = getSourceUnit(context);
    const reported = new Set<string>();

    function report(flow: Flow): void {
      const node = flow.entry;
      const key = `${node.range[0]}:${node.range[1]}`;
      if (reported.has(key)) return;
      reported.add(key);
      let messageId: MessageId = flow.kind === 'module-load' ? 'moduleLoad' : 'codeEval';
      if (flow.via.length > 0) messageId = 'crossModule';
      context.report({
        node,
        messageId,
        data: {
          ...flowMessageData(flow, context.cwd),
        },
      });
    }

    return {
      'Program:exit'() {
        for (const handler of getToolHandlers(unit)) {
          for (const flow of findFlows(unit, handler, checkModuleLoads ? ['code-eval', 'module-load'] : ['code-eval'])) report(flow);
        }
      },
    };
  },
});
