/** FastMCP tools: `parameters` is validated before `execute`; a tool without it takes no arguments. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { FastMCP } from 'fastmcp';
import * as v from 'valibot';
import { z } from 'zod';

const server = new FastMCP({ name: 'jobs', version: '1.0.0' });
const queue: string[] = [];

// ok: require-input-schema
server.addTool({
  name: 'enqueue',
  description: 'Queue a job',
  parameters: z.object({ job: z.enum(['build', 'test', 'deploy']) }),
  execute: async ({ job }) => String(queue.push(job)),
});

// ok: require-input-schema
server.addTool({
  name: 'queue_length',
  description: 'Number of queued jobs',
  execute: async () => String(queue.length),
});

// ruleid: require-input-schema
server.addTool({
  name: 'enqueue_any',
  description: 'Queue a job described by any payload',
  parameters: z.unknown(),
  execute: async (payload) => String(queue.push(JSON.stringify(payload))),
});

// ruleid: require-input-schema
server.addTool({
  name: 'enqueue_with_options',
  description: 'Queue a job with options',
  parameters: v.looseObject({ job: v.picklist(['build', 'test']) }),
  execute: async ({ job }) => String(queue.push(job)),
});

// ok: require-input-schema
server.addTool({
  name: 'enqueue_checked',
  description: 'Queue a job with a priority',
  parameters: v.object({ job: v.picklist(['build', 'test']), priority: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9)) }),
  execute: async ({ job }) => String(queue.push(job)),
});

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
