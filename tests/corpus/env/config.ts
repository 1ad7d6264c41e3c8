/**
 * The issue-tracker server's config module: the one file that reads the environment. It reads
 * exactly the variables README.md documents, checks them once at start-up, and fails fast.
 *
 *   TRACKER_API_URL    required  base URL of the issue tracker's REST API
 *   TRACKER_API_TOKEN  required  token sent to that API only
 *   MCP_PORT           optional  port of the HTTP transport (default 3000)
 */

function required(name: string): string {
  // ok: no-env-outside-config
  const value = process.env[name]?.trim();
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name} (see README.md).`);
  }
  return value;
}

function port(): number {
  // ok: no-env-outside-config
  const value = Number(process.env.MCP_PORT ?? 3000);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error('MCP_PORT must be a port number.');
  return value;
}

const apiUrl = new URL(required('TRACKER_API_URL'));
if (apiUrl.protocol !== 'https:') throw new Error('TRACKER_API_URL must be an https URL.');

export const config = Object.freeze({
  apiUrl,
  apiToken: required('TRACKER_API_TOKEN'),
  port: port(),
  // ok: no-env-outside-config
  production: process.env.NODE_ENV === 'production',
});

/** The environment of the helper processes: nothing from ours but what they need. */
export const childEnv = Object.freeze({
  // ok: no-env-outside-config
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LC_ALL: 'C',
});
