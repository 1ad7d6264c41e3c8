// GitHub API helpers for the SSRF corpus and the rule's cross-module tests: a fixed origin, with the
// repository spliced into the path unencoded (`getRepo`) or encoded (`getRepoEncoded`).
export async function getRepo(repo: string): Promise<string> {
  const response = await fetch(`https://api.github.com/repos/${repo}`);
  return response.text();
}

export async function getRepoEncoded(repo: string): Promise<string> {
  const response = await fetch(`https://api.github.com/repos/${encodeURIComponent(repo)}`);
  return response.text();
}
