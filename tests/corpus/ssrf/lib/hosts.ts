// Host allowlist helper for the SSRF corpus.
const ALLOWED = new Set(['docs.example.com', 'api.github.com']);

/** True when `raw` parses as an https URL on an allowed host. */
export function isAllowedUrl(raw: string): boolean {
  const { hostname } = new URL(raw);
  return ALLOWED.has(hostname);
}
