import { ESLintUtils } from '@typescript-eslint/utils';

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

/** The only way to make a rule: adds `docs.url` and types `meta.docs`. */
export const createRule = ESLintUtils.RuleCreator<McpSecurityDocs>(getDocsUrl);
