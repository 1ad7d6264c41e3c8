// HTTP client errors: what the upstream API answered is its payload; the request the client sent is not.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import axios from 'axios';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const api = axios.create({ baseURL: 'https://api.weather.example/v1' });
const server = new McpServer({ name: 'weather', version: '1.0.0' });

server.registerTool('forecast', { description: 'Show the forecast for a city.', inputSchema: { city: z.enum(['paris', 'oslo']) } }, async ({ city }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const res = await api.get('/forecast', { params: { city } });
    return { content: [{ type: 'text', text: JSON.stringify(res.data) }] };
  } catch (error) {
    if (axios.isAxiosError(error) && error.response) {
      // ok: no-error-leak
      return { content: [{ type: 'text', text: `Weather API error ${error.response.status}: ${JSON.stringify(error.response.data)}` }], isError: true };
    }
    console.error('forecast failed', error);
    return { content: [{ type: 'text', text: 'The weather service is unreachable.' }], isError: true };
  }
});

server.registerTool('alerts', { description: 'Show the weather alerts for a city.', inputSchema: { city: z.enum(['paris', 'oslo']) } }, async ({ city }, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  try {
    const res = await api.get('/alerts', { params: { city } });
    return { content: [{ type: 'text', text: JSON.stringify(res.data) }] };
  } catch (error) {
    if (axios.isAxiosError(error)) {
      // The request the client sent: its URL and its headers, credentials included.
      // todoruleid: no-error-leak
      return { content: [{ type: 'text', text: `Request failed: ${JSON.stringify(error.config?.headers)}` }], isError: true };
    }
    return { content: [{ type: 'text', text: 'The weather service is unreachable.' }], isError: true };
  }
});

export { server };
