import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The only module that reads the environment. It reads exactly the variables documented in
 * README.md, checks them once at start-up and fails fast; every other module imports `config`.
 *
 *   WORKSPACE_ROOT       required  directory the file, command and git tools work in
 *   NOTES_DIR            required  directory of the Markdown notes
 *   ISSUES_DB_PATH       required  SQLite database of the issue tracker (opened read-only)
 *   FETCH_ALLOWED_HOSTS  optional  comma-separated host names fetch_url may contact (default: none)
 *   GITHUB_TOKEN         optional  sent to api.github.com only
 *   MCP_HTTP_PORT        optional  port of the HTTP entry (default 3333; it binds 127.0.0.1 only)
 *   MCP_HTTP_TOKEN       optional  bearer token the HTTP entry requires (the entry refuses to start without it)
 */

function read(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function required(name: string): string {
  const value = read(name);
  if (value === undefined) throw new Error(`Missing required environment variable ${name} (see README.md).`);
  return value;
}

/** A canonical (symlink-free, absolute) directory that is not the file-system root. */
function directory(name: string): string {
  const real = realpathSync(path.resolve(required(name)));
  if (!statSync(real).isDirectory()) throw new Error(`${name} must name a directory.`);
  if (real === path.parse(real).root) throw new Error(`${name} must not be the file-system root.`);
  return real;
}

function hostList(name: string): ReadonlySet<string> {
  const hosts = (read(name) ?? '').split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
  for (const host of hosts) {
    // Only plain host names: no scheme, port, path or credentials.
    if (new URL(`https://${host}`).hostname !== host) throw new Error(`${name}: "${host}" is not a plain host name.`);
  }
  return new Set(hosts);
}

function port(name: string, fallback: number): number {
  const value = Number(read(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a port number.`);
  return value;
}

function token(name: string): string | undefined {
  const value = read(name);
  if (value !== undefined && value.length < 32) throw new Error(`${name} must be at least 32 characters long.`);
  return value;
}

export const config = Object.freeze({
  workspaceRoot: directory('WORKSPACE_ROOT'),
  notesDir: directory('NOTES_DIR'),
  issuesDbPath: required('ISSUES_DB_PATH'),
  fetchAllowedHosts: hostList('FETCH_ALLOWED_HOSTS'),
  githubToken: read('GITHUB_TOKEN'),
  httpPort: port('MCP_HTTP_PORT', 3333),
  httpToken: token('MCP_HTTP_TOKEN'),
});
