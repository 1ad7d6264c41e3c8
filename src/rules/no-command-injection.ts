import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getToolHandlers } from '../model/index.js';
import { findFlows } from '../taint/flows.js';
import { flowMessageData } from '../taint/report.js';
import { execFileRewrite } from '../taint/rewrite.js';
import type { Flow, SinkKind } from '../taint/types.js';
import { createRule } from '../util/create-rule.js';
import { getSourceUnit } from '../util/source-unit.js';

export type Options = [{ checkArgumentInjection: boolean }];
export type MessageId =
  | 'shellCommand'
  | 'shellOption'
  | 'shellScript'
  | 'executable'
  | 'commandLine'
  | 'argumentInjection'
  | 'crossModule'
  | 'useExecFile';

/** Why a position is dangerous, for the cross-module message. */
const REASONS: Readonly<Record<string, string>> = {
  'shell-string': 'a shell parses it as a command line',
  'shell-option': 'it is joined into a command line a shell parses (`shell: true`)',
  'dash-c': 'a shell or interpreter runs it as a script',
  executable: 'it chooses the program to run',
  'command-line': 'it is split into a program and its arguments',
  argv: 'it is an argument that can start with `-` and be read as an option',
};

export default createRule<Options, MessageId>({
  name: 'no-command-injection',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      url: 'https://github.com/mcp-security/eslint-plugin-mcp-security/blob/main/docs/rules/no-command-injection.md',
      description: 'Disallow tool input in shell commands, programs to run, and interpreter scripts',
      recommended: true,
      strictOptions: [{ checkArgumentInjection: true }],
      cwe: ['CWE-78', 'CWE-88'],
      owasp: ['MCP05'],
    },
    messages: {
      shellCommand:
        'Tool input `{{source}}`{{origin}} reaches the shell command of `{{sink}}`: the shell runs any `;`, `|`, `$( )` or backtick in it. Run a fixed program with `execFile` and an argument array (no shell), after checking the input against an allowlist.',
      shellOption:
        'Tool input `{{source}}`{{origin}} reaches `{{sink}}` with `shell: true`, so it is joined into a command line that a shell parses. Drop the `shell` option and pass the arguments as an array.',
      shellScript:
        'Tool input `{{source}}`{{origin}} is the script of `{{program}} {{flag}}` in `{{sink}}`, which runs it as code. Run a fixed program with an argument array instead, after checking the input against an allowlist.',
      executable:
        'Tool input `{{source}}`{{origin}} chooses the program `{{sink}}` runs. Check it against an allowlist of programs first.',
      commandLine:
        'Tool input `{{source}}`{{origin}} reaches the command line of `{{sink}}`, which is split on spaces into a program and its arguments. Pass a fixed program and an argument array instead.',
      argumentInjection:
        "Tool input `{{source}}`{{origin}} is an argument of `{{sink}}` that can start with `-` and be read as an option. Put `'--'` before it, or reject values that start with `-`.",
      crossModule:
        'Tool input `{{source}}`{{origin}} reaches `{{sink}}` at {{location}} through `{{via}}()`, where {{reason}}. Check it against an allowlist before the call, or run a fixed program with an argument array there.',
      useExecFile: 'Run `{{file}}` with `{{alternative}}()` and an argument array, without a shell.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkArgumentInjection: {
            type: 'boolean',
            description:
              'Also report tool input passed as an argument of a program run without a shell (`execFile`, `spawn`, execa, zx) when it can start with `-` and no `--` precedes it (CWE-88).',
          },
        },
      },
    ],
    defaultOptions: [{ checkArgumentInjection: false }],
  },
  create(context, [{ checkArgumentInjection }]) {
    const unit = getSourceUnit(context);
    const kinds: SinkKind[] = checkArgumentInjection ? ['command', 'argument'] : ['command'];
    const reported = new Set<string>();

    function report(flow: Flow): void {
      const node = flow.entry;
      const form = flow.sink.point.form;
      const messageId = flow.via.length > 0 ? 'crossModule' : messageFor(form);
      const key = `${node.range[0]}:${node.range[1]}:${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      const data = {
        ...flowMessageData(flow, context.cwd),
        program: flow.sink.point.program ?? 'sh',
        flag: flow.sink.point.flag ?? '-c',
        reason: REASONS[form] ?? 'it runs as a command',
      };
      const suggest = messageId === 'shellCommand' ? suggestions(flow) : [];
      context.report({ node, messageId, data, ...(suggest.length > 0 ? { suggest } : {}) });
    }

    function suggestions(flow: Flow): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const call = flow.sink.call.node;
      if (call.type !== 'CallExpression' || call.arguments[0] !== flow.sink.point.node) return [];
      const rewrite = execFileRewrite(unit, call, flow.sink.call.spec);
      if (!rewrite) return [];
      return [{
        messageId: 'useExecFile',
        data: { file: rewrite.file, alternative: rewrite.alternative },
        fix: (fixer) => rewrite.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
      }];
    }

    return {
      'Program:exit'() {
        for (const handler of getToolHandlers(unit)) {
          for (const flow of findFlows(unit, handler, kinds)) report(flow);
        }
      },
    };
  },
});

function messageFor(form: string): MessageId {
  switch (form) {
    case 'shell-option':
      return 'shellOption';
    case 'dash-c':
      return 'shellScript';
    case 'executable':
      return 'executable';
    case 'command-line':
      return 'commandLine';
    case 'argv':
      return 'argumentInjection';
    default:
      return 'shellCommand';
  }
}

export type { TSESTree };
