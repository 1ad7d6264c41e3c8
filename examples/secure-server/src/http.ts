// Streamable HTTP entry, stateless: a fresh server and transport for every request. It listens on
// the loopback interface only, checks the Host header (DNS rebinding) and requires a bearer token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';

import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

import { config } from './config.js';
import { createServer } from './server.js';

const LISTEN_HOST = '127.0.0.1';
/** A web page that points its own domain at 127.0.0.1 still sends its own domain as Host. */
const ALLOWED_HOST_HEADERS = new Set([`127.0.0.1:${config.httpPort}`, `localhost:${config.httpPort}`]);

const expectedToken = config.httpToken;
if (expectedToken === undefined) {
  console.error('workspace-assistant: set MCP_HTTP_TOKEN (32 characters or more) to use the HTTP entry.');
  process.exit(1);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
const expectedDigest = sha256(expectedToken);

/** Constant-time comparison of the presented bearer token (digests have equal length). */
function isAuthorized(req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(sha256(presented), expectedDigest);
}

const httpServer = createHttpServer(async (req, res) => {
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  if (!ALLOWED_HOST_HEADERS.has(req.headers.host ?? '')) {
    res.writeHead(403).end();
    return;
  }
  if (!isAuthorized(req)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
    return;
  }
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res);
  } catch (err) {
    console.error('workspace-assistant: request failed', err);
    if (!res.headersSent) res.writeHead(500).end();
  }
});

httpServer.listen(config.httpPort, LISTEN_HOST, () => {
  console.error(`workspace-assistant: listening on http://${LISTEN_HOST}:${config.httpPort}/mcp`);
});
