/** mcp-framework tools: the base class validates `schema` before `execute`. */
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { MCPTool, type MCPInput } from 'mcp-framework';
import { z } from 'zod';

// ruleid: require-input-schema
class QueryTool extends MCPTool {
  name = 'query_metrics';
  description = 'Query a metric';
  schema = z.object({ metric: z.enum(['cpu', 'memory']) }).passthrough();

  async execute(input: MCPInput<this>) {
    return `Querying ${input.metric}`;
  }
}

// ok: require-input-schema
class LegacyQueryTool extends MCPTool {
  name = 'query_metric_legacy';
  description = 'Query a metric (legacy schema form)';
  schema = {
    metric: { type: z.enum(['cpu', 'memory']), description: 'Metric name' },
    minutes: { type: z.number().int().max(1440), description: 'Window in minutes' },
  };

  async execute(input: MCPInput<this>) {
    return `Querying ${input.metric}`;
  }
}

// ruleid: require-input-schema
class AnnotateTool extends MCPTool {
  name = 'annotate_metric';
  description = 'Attach an annotation to a metric';
  schema = {
    metric: { type: z.enum(['cpu', 'memory']), description: 'Metric name' },
    annotation: { type: z.any(), description: 'Annotation payload' },
  };

  async execute(input: MCPInput<this>) {
    return `Annotated ${input.metric}`;
  }
}

export { AnnotateTool, LegacyQueryTool };
export default QueryTool;

// The HTTP entry puts every request behind a rate limiter.
express().use(rateLimit({ windowMs: 60_000, limit: 60 }));
