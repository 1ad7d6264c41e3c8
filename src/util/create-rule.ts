import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/** OWASP MCP Top 10 (2025) categories a rule can be tagged with. */
export type OwaspMcpId =
  | 'MCP01' // Token Mismanagement & Secret Exposure
  | 'MCP03' // Tool Poisoning
  | 'MCP05' // Command Injection & Execution
  | 'MCP06' // Prompt Injection via Contextual Payloads
  | 'MCP07' // Insufficient Authentication & Authorization
  | 'MCP10'; // Context Injection & Over-Sharing

/**
 * The plugin's own `meta.docs`. It is the single source of truth for the presets,
 * the README table, the doc headers and the SARIF rule catalogue.
 */
export interface McpSecurityDocs {
  description: string;
  /** In the `recommended` preset. Every rule is in `strict`. */
  recommended: boolean;
  /** Options the `strict` preset passes, where strict is stricter than the defaults. */
  strictOptions?: readonly unknown[];
  /** The rule cannot run without a TypeScript program. (No rule needs one today.) */
  requiresTypeChecking?: boolean;
  /** CWE identifiers, e.g. `CWE-78`. */
  cwe: readonly `CWE-${number}`[];
  /** OWASP MCP Top 10 categories. */
  owasp: readonly OwaspMcpId[];
}

export const REPOSITORY_URL = 'https://github.com/mcp-security/eslint-plugin-mcp-security';

export function getDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}

/** Bound on the distinct option sets kept per rule (a config has a handful). */
const MAX_CACHED_OPTION_SETS = 64;

/**
 * The only way to make a rule: adds `docs.url`, types `meta.docs`, and hands `create` the options
 * merged with `meta.defaultOptions`. It does what `ESLintUtils.RuleCreator` does, except that the
 * merge (a `structuredClone` plus a deep merge) runs once per distinct option set instead of once
 * per rule per file: ESLint gives every file a fresh `context.options` array, but the sets are few.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, McpSecurityDocs>>): TSESLint.RuleModule<MessageIds, Options, McpSecurityDocs> & {
  name: string;
} {
  const defaults: Options = meta.defaultOptions ?? ([] as unknown as Options);
  const merged = new Map<string, Options>();
  const byIdentity = new WeakMap<object, Options>();
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: getDocsUrl(name) } },
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- RuleModule's type still requires it (ESLint 8 typings)
    defaultOptions: defaults,
    create(context) {
      // ESLint's config array hands every file of a config the same options object: look it up
      // by identity first, and serialise only the first time (or for option-less rules).
      const [first] = context.options;
      const identity = context.options.length === 1 && typeof first === 'object' && first !== null ? first : null;
      let options = identity === null ? undefined : byIdentity.get(identity);
      if (options === undefined) {
        const key = JSON.stringify(context.options);
        options = merged.get(key);
        if (options === undefined) {
          options = ESLintUtils.applyDefault<Options, Options>(defaults, context.options);
          if (merged.size >= MAX_CACHED_OPTION_SETS) merged.clear();
          merged.set(key, options);
        }
        if (identity !== null) byIdentity.set(identity, options);
      }
      return create(context, options);
    },
  };
}
