import { getToolHandlers } from '../model/index.js';
import { findFlows } from '../taint/flows.js';
import { flowMessageData, viaSuffix } from '../taint/report.js';
import type { Flow } from '../taint/types.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ checkSymlinks: boolean }];
export type MessageId = 'unsanitizedPath' | 'segmentDirectory' | 'prefixBypass' | 'symlinkEscape' | 'crossModule';

export default createRule<Options, MessageId>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-path-traversal.md',
      description: 'Disallow tool input in file-system paths without a containment check',
      recommended: true,
      strictOptions: [{ checkSymlinks: true }],
      cwe: ['CWE-22'],
      owasp: ['MCP05'],
    },
    messages: {
      unsanitizedPath:
        'Tool input `{{source}}`{{origin}} reaches {{position}} `{{sink}}` with no containment check that still holds there, so `../` segments or an absolute path can leave the directory the tool serves. Resolve it against the root, then refuse it unless the result starts with the root plus `path.sep`.',
      segmentDirectory:
        'Tool input `{{source}}`{{origin}} reaches the directory operation `{{sink}}` through `path.basename`, which still returns `..`: the call can act on the parent of the root. Refuse `.` and `..`, or check the resolved path against the root plus `path.sep`.',
      prefixBypass:
        'This `startsWith` check has no trailing separator, so a sibling such as `/srv/data-evil` passes for the root `/srv/data`; tool input `{{source}}`{{origin}} reaches `{{sink}}`{{at}} behind it. Compare against the root plus `path.sep`, or use `path.relative`.',
      symlinkEscape:
        'Tool input `{{source}}`{{origin}} reaches `{{sink}}`{{at}} after a containment check on a path that was never resolved with `realpath`, so a symbolic link inside the root can point anywhere. Check `fs.realpath(p)` against the root instead.',
      crossModule:
        'Tool input `{{source}}`{{origin}} reaches {{position}} `{{sink}}` at {{location}} through `{{via}}()` with no containment check. Check the resolved path against the root plus `path.sep` before the call, or in that function.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkSymlinks: {
            type: 'boolean',
            description:
              'Also report paths whose containment check was made on a path never resolved with `realpath` (a symbolic link inside the root can lead outside it).',
          },
        },
      },
    ],
    defaultOptions: [{ checkSymlinks: false }],
  },
  create(context, [{ checkSymlinks }]) {
    const unit = getSourceUnit(context);
    const reported = new Set<string>();

    function report(flow: Flow): void {
      let messageId: MessageId;
      if (flow.weakness?.type === 'symlink') {
        if (!checkSymlinks) return;
        messageId = 'symlinkEscape';
      } else if (flow.weakness?.type === 'prefix-bypass') messageId = 'prefixBypass';
      else if (flow.via.length > 0) messageId = 'crossModule';
      else if (flow.origin.state.parentOnly) messageId = 'segmentDirectory';
      else messageId = 'unsanitizedPath';
      const node = flow.entry;
      const key = `${node.range[0]}:${node.range[1]}:${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        node,
        messageId,
        data: {
          ...flowMessageData(flow, context.cwd),
          position: flow.sink.point.form === 'cwd' ? 'the working directory (`cwd`) of' : 'the path of',
          at: viaSuffix(flow, context.cwd),
        },
      });
    }

    return {
      'Program:exit'() {
        for (const handler of getToolHandlers(unit)) {
          for (const flow of findFlows(unit, handler, ['path'])) report(flow);
        }
      },
    };
  },
});
