// Mastra createTool: a throttled fetch (p-throttle) guards one tool, nothing guards the other.
import { createTool } from '@mastra/core/tools';
import { MCPServer } from '@mastra/mcp';
import pThrottle from 'p-throttle';
import { z } from 'zod';

const throttle = pThrottle({ limit: 5, interval: 1000 });
const throttledFetch = throttle((url: string) => fetch(url));

// ok: require-rate-limit
export const stockPrice = createTool({
  id: 'stock-price',
  description: 'Get the latest price of a listed stock.',
  inputSchema: z.object({ symbol: z.enum(['ACME', 'GLOBX', 'INITECH']) }),
  execute: async ({ symbol }) => {
    const response = await throttledFetch(`https://quotes.example.com/v1/${symbol}`);
    return { price: response.ok ? Number(await response.text()) : null };
  },
});

// ruleid: require-rate-limit
export const exchangeRate = createTool({
  id: 'exchange-rate',
  description: 'Get the EUR to USD exchange rate.',
  inputSchema: z.object({}),
  execute: async () => {
    const response = await fetch('https://rates.example.com/v1/eur-usd');
    return { rate: response.ok ? Number(await response.text()) : null };
  },
});

export const server = new MCPServer({ name: 'markets', version: '1.0.0', tools: { stockPrice, exchangeRate } });
