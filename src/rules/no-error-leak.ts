import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getRegistrationWrappers, getToolHandlers } from '../model/index.js';
import { findErrorLeaks, type ErrorLeak, type LeakPlace } from '../taint/error-values.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ userFacingErrors?: string[] }];
export type MessageId = 'leak' | 'leakThroughHelper' | 'replaceWithGeneric';

/** The text the suggestion puts where the error text was. */
export const GENERIC_MESSAGE = 'Internal error';

const PLACES: Readonly<Record<LeakPlace, string>> = {
  result: 'the tool result',
  prompt: 'the prompt messages',
  resource: 'the resource contents',
  thrown: 'an error thrown out of the handler, whose message the client receives as the result',
};

export default createRule<Options, MessageId>({
  name: 'no-error-leak',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow raw error messages, stacks and error objects in what the model sees',
      recommended: true,
      cwe: ['CWE-209'],
      owasp: ['MCP10', 'MCP01'],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-error-leak.md',
    },
    messages: {
      leak:
        'Text of {{source}} (`{{expression}}`) reaches {{place}}. Error messages carry file paths, hosts, SQL and stack frames: return a generic message (chosen by the error type or code) and log the error on the server.',
      leakThroughHelper:
        '`{{expression}}` puts the text of {{source}} into {{place}}. Error messages carry file paths, hosts, SQL and stack frames: return a generic message (chosen by the error type or code) and log the error on the server.',
      replaceWithGeneric: 'Replace `{{expression}}` with a generic message (and log the error on the server).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          userFacingErrors: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$' },
            uniqueItems: true,
            description:
              "Error classes of the project whose messages are written to be shown: a caught error narrowed to one of them (`err instanceof ToolError`) may be passed on. FastMCP's `UserError` is built in.",
          },
        },
      },
    ],
    defaultOptions: [{ userFacingErrors: [] }],
  },
  create(context, [options]) {
    const userFacingErrors = options.userFacingErrors ?? [];
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const unit = getSourceUnit(context);
        const reported = new Set<TSESTree.Node>();
        // The function a registration wrapper registers around each callback (its `catch` turns
        // every callback's errors into the result) is checked once, where it is written.
        const wrapped = getRegistrationWrappers(unit).flatMap((wrapper) => wrapper.inner);
        for (const handler of [...getToolHandlers(unit), ...wrapped]) {
          for (const leak of findErrorLeaks(handler, userFacingErrors)) {
            // Only what is written in this file (a handler imported from another module is reported there).
            if (reported.has(leak.node) || !isInFile(leak.node, sourceCode.ast)) continue;
            reported.add(leak.node);
            report(leak);
          }
        }
      },
    };

    function report(leak: ErrorLeak): void {
      const expression = shorten(sourceCode.getText(leak.node));
      const source = leak.origin.root.type === 'custom' ? leak.origin.root.description : 'a caught error';
      const data = { expression, source, place: PLACES[leak.place] };
      const fix = leak.helper === null ? replacement(leak) : null;
      context.report({
        node: leak.node,
        messageId: leak.helper === null ? 'leak' : 'leakThroughHelper',
        data,
        ...(fix ? { suggest: [{ messageId: 'replaceWithGeneric', data: { expression }, fix }] } : {}),
      });
    }

    /** The fix of the suggestion: the generic message where the error text was. */
    function replacement(leak: ErrorLeak): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
      const { node } = leak;
      const quoted = `'${GENERIC_MESSAGE}'`;
      if (leak.thrownWhole) return (fixer) => fixer.replaceText(node, `new Error(${quoted})`);
      if (node.type === 'SpreadElement') return (fixer) => fixer.replaceText(node, `error: ${quoted}`);
      const parent = node.parent;
      // { type: 'text', text } → { type: 'text', text: 'Internal error' }
      if (parent?.type === 'Property' && parent.shorthand && parent.value === node) {
        return (fixer) => fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${quoted}`);
      }
      if (parent?.type === 'TemplateLiteral') {
        // `Failed: ${err.message}` → `Failed: Internal error`
        const index = parent.expressions.indexOf(node as TSESTree.Expression);
        const before = parent.quasis[index];
        const after = parent.quasis[index + 1];
        if (index >= 0 && before && after) {
          const range: [number, number] = [before.range[1] - 2, after.range[0] + 1];
          return (fixer) => fixer.replaceTextRange(range, GENERIC_MESSAGE.replace(/[`$\\]/g, '\\$&'));
        }
      }
      return (fixer) => fixer.replaceText(node, quoted);
    }
  },
});

function isInFile(node: TSESTree.Node, program: TSESTree.Program): boolean {
  let current: TSESTree.Node = node;
  while (current.parent) current = current.parent;
  return current === program;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= 50 ? line : `${line.slice(0, 47)}…`;
}
