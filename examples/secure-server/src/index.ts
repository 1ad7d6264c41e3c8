#!/usr/bin/env node
// stdio entry: the way desktop clients start the server. stdout carries the protocol, so every
// log line goes to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

import { createServer } from './server.js';

const server = createServer();
await server.connect(new StdioServerTransport());
console.error('workspace-assistant: listening on stdio');
