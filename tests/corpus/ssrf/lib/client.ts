// A small HTTP helper for the SSRF corpus and the rule's cross-module tests.
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'text/plain' } });
  return response.text();
}
