import type { TSESTree } from '@typescript-eslint/utils';

import { getToolHandlers, type ToolHandler } from '../model/index.js';
import { directWork, functionCalls, helperWork, type ExpensiveWork } from '../taint/expensive-work.js';
import { createRateGuardFinder, parseUserGuards, type GuardPoint } from '../taint/rate-guards.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit, getUnitOfNode } from '../util/source-unit.js';

export type Options = [{ scope?: 'expensive' | 'all'; guards?: string[] }];
export type MessageId = 'missingGuard' | 'missingGuardAll' | 'guardNotFirst' | 'guardConditional' | 'guardUnchecked';

export default createRule<Options, MessageId>({
  name: 'require-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate guard in front of every tool handler that does expensive work',
      recommended: true,
      strictOptions: [{ scope: 'all' }],
      cwe: ['CWE-770'],
      owasp: [],
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/require-rate-limit.md',
    },
    messages: {
      missingGuard:
        'Tool {{tool}} {{work}} with no rate guard. A model, a test or a bug can call it in a loop: check a per-client limit at the top of the handler (`await limiter.consume(key)`), wrap the handler in a limiter, or put rate-limiting middleware in front of the transport.',
      missingGuardAll:
        'Tool {{tool}} has no rate guard. The MCP specification says servers must rate limit tool invocations: check a per-client limit at the top of the handler (`await limiter.consume(key)`), wrap the handler in a limiter, or put rate-limiting middleware in front of the transport.',
      guardNotFirst:
        'Tool {{tool}} {{work}} where its rate guard `{{guard}}` does not stop it: the work runs before the guard, or after a `catch` that swallows its refusal. Call the guard first and let a refusal end the call.',
      guardConditional:
        'Tool {{tool}} calls its rate guard `{{guard}}` only on some paths (in a branch, a loop or a callback). Call it unconditionally at the top of the handler.',
      guardUnchecked:
        'Tool {{tool}} calls its rate guard `{{guard}}` but never acts on its answer. Leave the handler (return an error result or throw) when the limit is exceeded.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          scope: {
            type: 'string',
            enum: ['expensive', 'all'],
            description:
              '`expensive`: only tools whose handler reaches the file system, a process, the network or a database need a guard; `all`: every tool does.',
          },
          guards: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Project rate guards: function or method names (`checkQuota`, `rateLimiter.consume`), or module specifiers (`./lib/rate-limit.js`, `@acme/quota`) meaning any function imported from that module.',
          },
        },
      },
    ],
    defaultOptions: [{ scope: 'expensive', guards: [] }],
  },
  create(context, [options]) {
    const scope = options.scope ?? 'expensive';
    const finder = createRateGuardFinder(parseUserGuards(options.guards ?? []));

    return {
      'Program:exit'() {
        const unit = getSourceUnit(context);
        // A registration written in another module (an imported definition array) is reported when that module is linted.
        const tools = getToolHandlers(unit).filter((handler) => handler.kind === 'tool' && handler.handler !== null && getUnitOfNode(handler.registration) === unit);
        if (tools.length === 0 || finder.transportGuard(unit)) return;
        const seen = new Set<string>();
        for (const tool of tools) {
          const key = `${String(tool.registration.range[0])}:${tool.name ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          check(tool);
        }
      },
    };

    /**
     * A tool registered through a registration wrapper whose own function guards before it calls
     * the callback (`await limiter.consume(name); return ok(await cb(args))`): every such tool is guarded.
     */
    function registrationWrapperGuard(tool: ToolHandler): boolean {
      const inner = tool.via?.inner?.handler;
      const invoke = tool.via?.invoke;
      if (!inner || !invoke) return false;
      return finder.handlerGuards(inner).points.some((point) => dominates(point, invoke));
    }

    function check(tool: ToolHandler): void {
      const fn = tool.handler;
      if (!fn || finder.wrapperGuard(tool) || finder.frameworkGuard(tool) || registrationWrapperGuard(tool)) return;
      const { points, unchecked, conditional } = finder.handlerGuards(fn);
      const guardCalls = new Set<TSESTree.Node>([...points, ...unchecked, ...conditional].map((guard) => guard.node));
      // Work that no guard on the straight-line path covers: what the calls do themselves first,
      // and only when there is none, what the project functions they call lead to.
      const open = functionCalls(fn).filter((call) => !guardCalls.has(call) && !points.some((point) => dominates(point, call)));
      // Without a guard, the first piece of work is enough to report (and names it).
      const needAll = points.length > 0;
      let work: ExpensiveWork[] = [];
      for (const call of open) {
        const found = directWork(call);
        if (!found) continue;
        work.push(found);
        if (!needAll) break;
      }
      if (work.length === 0) {
        for (const call of open) {
          const found = helperWork(call);
          if (found) {
            work = [found];
            break;
          }
        }
      }
      if (work.length === 0 && (scope === 'expensive' || points.length > 0)) return;
      const node = tool.registration;
      const name = toolName(tool);
      const [point] = points;
      if (point) {
        context.report({ node, messageId: 'guardNotFirst', data: { tool: name, work: describeWork(work), guard: point.label } });
      } else if (unchecked[0]) {
        context.report({ node, messageId: 'guardUnchecked', data: { tool: name, guard: unchecked[0].label } });
      } else if (conditional[0]) {
        context.report({ node, messageId: 'guardConditional', data: { tool: name, guard: conditional[0].label } });
      } else if (work.length > 0) {
        context.report({ node, messageId: 'missingGuard', data: { tool: name, work: describeWork(work) } });
      } else {
        context.report({ node, messageId: 'missingGuardAll', data: { tool: name } });
      }
    }
  },
});

/** The guard runs before `node` on every path (or `node` is work it schedules). */
function dominates(point: GuardPoint, node: TSESTree.Node): boolean {
  if (node.range[0] >= point.start && node.range[1] <= point.end) return true;
  return point.coversArguments && point.node.arguments.some((arg) => arg.range[0] <= node.range[0] && node.range[1] <= arg.range[1]);
}

function toolName(tool: ToolHandler): string {
  if (tool.name !== null) return `\`${tool.name}\``;
  return tool.framework === 'mcp-sdk-low-level' ? 'handler `tools/call`' : 'handler';
}

/** `reads the file system (`readFile`) and runs a process (`exec`)`: one phrase per kind of work, first call named. */
function describeWork(work: readonly ExpensiveWork[]): string {
  const phrases: string[] = [];
  const done = new Set<string>();
  for (const item of work) {
    const text = item.text;
    if (done.has(text)) continue;
    done.add(text);
    phrases.push(`${text} (\`${item.label}\`)`);
  }
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1] ?? ''}`;
}
