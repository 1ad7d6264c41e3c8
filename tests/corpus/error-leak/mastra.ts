// Mastra createTool: the returned object is what the agent (and the model) reads.
import { createTool } from '@mastra/core/tools';
import { MCPServer } from '@mastra/mcp';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

// ruleid: require-rate-limit
export const weather = createTool({
  id: 'weather',
  description: 'Get the current weather in Paris.',
  inputSchema: z.object({}),
  execute: async () => {
    try {
      const response = await fetch('https://api.weather.example/v1/current?city=paris');
      return { report: await response.text() };
    } catch (error) {
      // ruleid: no-error-leak
      return { report: null, error: { ...(error as object) } };
    }
  },
});

export const forecast = createTool({
  id: 'forecast',
  description: 'Get the forecast for Paris.',
  inputSchema: z.object({}),
  execute: async () => {
    await limiter.consume('forecast');
    try {
      const response = await fetch('https://api.weather.example/v1/forecast?city=paris');
      return { report: await response.text() };
    } catch (error) {
      const status = (error as { status?: number }).status;
      // ok: no-error-leak
      return { report: null, error: status === 429 ? 'The weather service is busy.' : 'The weather service is unavailable.' };
    }
  },
});

export const server = new MCPServer({ name: 'weather', version: '1.0.0', tools: { weather, forecast } });
