/**
 * GitHub code scanning ranks alerts of rules tagged `security` by `properties['security-severity']`
 * (a CVSS-like 0.0–10.0 score: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low). A
 * rule's score is the highest of its CWEs'; these are the typical CVSS v3 base scores of the weakness
 * when it is reachable by an untrusted caller (for an MCP server: the model, and whoever steers it).
 */
const SCORE_BY_CWE: Readonly<Record<string, number>> = {
  'CWE-78': 9.8, // OS command injection
  'CWE-77': 9.8, // command injection
  'CWE-94': 9.3, // code injection
  'CWE-95': 9.3, // eval injection
  'CWE-918': 9.1, // server-side request forgery
  'CWE-89': 8.8, // SQL injection
  'CWE-88': 8.8, // argument injection
  'CWE-1427': 8.0, // prompt injection (LLM-visible text that steers the model)
  'CWE-74': 8.0, // injection into a downstream component
  'CWE-22': 7.5, // path traversal
  'CWE-23': 7.5, // relative path traversal
  'CWE-59': 7.5, // link following
  'CWE-770': 7.5, // allocation without limits (no rate limit)
  'CWE-799': 7.5, // improper control of interaction frequency
  'CWE-200': 5.3, // exposure of sensitive information
  'CWE-209': 5.3, // information exposure through an error message
  'CWE-526': 5.3, // exposure of sensitive information through environment variables
  'CWE-20': 5.0, // improper input validation
};

/** Score for CWEs missing from the table. */
const DEFAULT_SCORE = 5.0;

export function securitySeverity(cwes: readonly string[]): number | null {
  if (cwes.length === 0) return null;
  return Math.max(...cwes.map((cwe) => SCORE_BY_CWE[cwe] ?? DEFAULT_SCORE));
}
