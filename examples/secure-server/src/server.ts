import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

import { registerCalcTools } from './tools/calc.js';
import { registerFileTools } from './tools/files.js';
import { registerGitTools } from './tools/git.js';
import { registerIssueTools } from './tools/issues.js';
import { registerNoteTools } from './tools/notes.js';
import { registerShellTools } from './tools/shell.js';
import { registerWebTools } from './tools/web.js';

export function createServer(): McpServer {
  const server = new McpServer({ name: 'workspace-assistant', version: '0.3.1' });
  registerFileTools(server);
  registerShellTools(server);
  registerGitTools(server);
  registerWebTools(server);
  registerIssueTools(server);
  registerCalcTools(server);
  registerNoteTools(server);
  return server;
}
