import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { nodesOfType, nodesWithin } from '../../src/util/node-index.js';
import { parseSourceUnit } from '../../src/util/parse-unit.js';
import { getSourceUnit, walk, type SourceUnit } from '../../src/util/source-unit.js';

function parse(code: string): SourceUnit {
  return parseSourceUnit('/virtual/index-test.ts', code);
}

const textOf = (unit: SourceUnit, node: TSESTree.Node): string => unit.text.slice(node.range[0], node.range[1]);

describe('node index', () => {
  it('lists every node of a type in source order, the outer node first when two start together', () => {
    const unit = parse('const a = f(g(1))(2);\nh();\n');
    expect(nodesOfType(unit, 'CallExpression').map((node) => textOf(unit, node))).toEqual(['f(g(1))(2)', 'f(g(1))', 'g(1)', 'h()']);
    expect(nodesOfType(unit, 'ClassDeclaration')).toEqual([]);
  });

  it('keeps source order where the visitor keys do not (a template visits its quasis before its expressions)', () => {
    const unit = parse('const s = `${`in ${x}`} and ${y}`;\n');
    const elements = nodesOfType(unit, 'TemplateElement').map((node) => node.range[0]);
    expect(elements).toEqual([...elements].sort((a, b) => a - b));
    expect(nodesOfType(unit, 'TemplateLiteral').map((node) => textOf(unit, node))).toEqual(['`${`in ${x}`} and ${y}`', '`in ${x}`']);
  });

  it('finds the nodes inside a root (the root included, an ancestor starting with it not), as a walk of the root would', () => {
    const unit = parse(`function outer() {
  a.b(c());
  const inner = () => d(e);
  return new F();
}
g();
`);
    const fn = unit.ast.body[0] as TSESTree.FunctionDeclaration;
    const walked: TSESTree.Node[] = [];
    walk(fn.body, unit.visitorKeys, (node) => {
      if (node.type === 'CallExpression' || node.type === 'NewExpression') walked.push(node);
    });
    const found = nodesWithin(unit, fn.body, ['CallExpression', 'NewExpression']);
    expect(found).toEqual(walked);
    expect(found.map((node) => textOf(unit, node))).toEqual(['a.b(c())', 'c()', 'd(e)', 'new F()']);
    // `a` starts where `a.b` and `a.b(c())` start: only what lies inside the root counts.
    const member = (found[0] as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
    expect(nodesWithin(unit, member.object, ['Identifier', 'MemberExpression', 'CallExpression']).map((node) => textOf(unit, node))).toEqual(['a']);
    expect(nodesWithin(unit, member, ['MemberExpression']).map((node) => textOf(unit, node))).toEqual(['a.b']);
  });

  it("reads the linted file's nodes from ESLint's own traversal, and finds the same nodes as its own walk", () => {
    const code = 'import { z } from "zod";\nconst s = `${`in ${x}`} and ${f(y)}`;\nclass A { m(a: string = g()) { return new B(a as never); } }\nfor (const t of [1]) h(t);\n';
    const seen: { fromEslint: boolean; calls: string[]; identifiers: number }[] = [];
    const rule: TSESLint.RuleModule<never> = {
      meta: { type: 'problem', schema: [], messages: {} },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- RuleModule's type still requires it (ESLint 8 typings)
      defaultOptions: [],
      create(context) {
        return {
          'Program:exit'() {
            const unit = getSourceUnit(context);
            seen.push({
              fromEslint: unit.forEachNode !== undefined,
              calls: nodesOfType(unit, 'CallExpression').map((node) => textOf(unit, node)),
              identifiers: nodesOfType(unit, 'Identifier').length,
            });
          },
        };
      },
    };
    const linter = new Linter();
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { test: { rules: { index: rule } } }, rules: { 'test/index': 'error' } }];
    expect(linter.verify(code, config as unknown as Linter.Config[], { filename: path.join(__dirname, 'index-test.ts') })).toEqual([]);
    const walked = parse(code);
    expect(seen).toEqual([{
      fromEslint: true,
      calls: nodesOfType(walked, 'CallExpression').map((node) => textOf(walked, node)),
      identifiers: nodesOfType(walked, 'Identifier').length,
    }]);
    expect(seen[0]?.calls).toEqual(['f(y)', 'g()', 'h(t)']);
  });
});
