/** Mastra tools: without `inputSchema`, `execute` receives the arguments as the client sent them. */
import { createTool } from '@mastra/core/tools';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';

const temperatures = new Map([['berlin', 18], ['lisbon', 24]]);

// ok: require-input-schema
export const temperature = createTool({
  id: 'temperature',
  description: 'Temperature in a city',
  inputSchema: z.object({ city: z.enum(['berlin', 'lisbon']) }),
  execute: async ({ city }) => ({ celsius: temperatures.get(city) }),
});

// ruleid: require-input-schema
export const rawTemperature = createTool({
  id: 'raw-temperature',
  description: 'Temperature in a city, any spelling',
  execute: async (input) => ({ celsius: temperatures.get(String(input.city).toLowerCase()) }),
});

// ok: require-input-schema
export const cities = createTool({
  id: 'cities',
  description: 'Cities with a temperature reading',
  execute: async () => ({ cities: [...temperatures.keys()] }),
});

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
