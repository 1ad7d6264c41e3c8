// Official SDK with node-postgres and pg-format: a CRM server with search, sorting and an admin SQL tool.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Pool } from 'pg';
import format from 'pg-format';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';

const pool = new Pool({ max: 5 });
const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const SORT_COLUMNS = new Set(['name', 'created_at', 'revenue']);
const server = new McpServer({ name: 'crm', version: '4.0.1' });

server.registerTool(
  'find_customer',
  { description: 'Find customers by name.', inputSchema: { name: z.string().max(100) } },
  async ({ name }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-sql-injection
    const { rows } = await pool.query(`SELECT id, name FROM customers WHERE name = '${name}'`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'find_customer_safe',
  { description: 'Find customers by exact name.', inputSchema: { name: z.string().max(100) } },
  async ({ name }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-sql-injection
    const { rows } = await pool.query('SELECT id, name FROM customers WHERE name = $1', [name]);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'find_by_prefix',
  { description: 'Find customers by name prefix.', inputSchema: { prefix: z.string().max(100) } },
  async ({ prefix }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-sql-injection
    const { rows } = await pool.query({ text: 'SELECT id, name FROM customers WHERE name LIKE $1', values: [`${prefix}%`] });
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'list_customers',
  { description: 'List customers sorted by a column.', inputSchema: { sort: z.string().max(40) } },
  async ({ sort }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-sql-injection
    const { rows } = await pool.query('SELECT id, name FROM customers ORDER BY ' + sort + ' LIMIT 100');
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'list_customers_sorted',
  { description: 'List customers sorted by an allowed column.', inputSchema: { sort: z.string().max(40) } },
  async ({ sort }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const column = SORT_COLUMNS.has(sort) ? sort : 'name';
    // ok: no-sql-injection
    const { rows } = await pool.query(`SELECT id, name FROM customers ORDER BY ${column} LIMIT 100`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'list_customers_checked',
  { description: 'List customers sorted by a checked column.', inputSchema: { sort: z.string().max(40) } },
  async ({ sort }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    if (!SORT_COLUMNS.has(sort)) return { content: [{ type: 'text', text: 'Unknown column.' }], isError: true };
    // ok: no-sql-injection
    const { rows } = await pool.query(`SELECT id, name FROM customers ORDER BY ${sort} LIMIT 100`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'list_customers_enum',
  { description: 'List customers sorted by a listed column.', inputSchema: { sort: z.enum(['name', 'created_at']) } },
  async ({ sort }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-sql-injection
    const { rows } = await pool.query(`SELECT id, name FROM customers ORDER BY ${sort}`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'top_customers',
  { description: 'List the top customers.', inputSchema: { limit: z.string().max(4) } },
  async ({ limit }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-sql-injection
    const { rows } = await pool.query(`SELECT id, name FROM customers ORDER BY revenue DESC LIMIT ${Number.parseInt(limit, 10)}`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'table_count',
  { description: 'Count the rows of a table.', inputSchema: { table: z.string().max(63) } },
  async ({ table }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ok: no-sql-injection
    const { rows } = await pool.query(format('SELECT count(*) AS n FROM %I', table));
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'table_count_raw',
  { description: 'Count the rows of any table.', inputSchema: { table: z.string().max(63) } },
  async ({ table }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-sql-injection
    const { rows } = await pool.query(format('SELECT count(*) AS n FROM %s', table));
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'column_values',
  { description: 'List distinct values of a column.', inputSchema: { column: z.string().max(63) } },
  async ({ column }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const client = await pool.connect();
    // ok: no-sql-injection
    const { rows } = await client.query(`SELECT DISTINCT ${client.escapeIdentifier(column)} AS v FROM customers`);
    client.release();
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'column_values_raw',
  { description: 'List distinct values of any column.', inputSchema: { column: z.string().max(63) } },
  async ({ column }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const client = await pool.connect();
    // ruleid: no-sql-injection
    const { rows } = await client.query(`SELECT DISTINCT "${column}" AS v FROM customers`);
    client.release();
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'escaped_quotes',
  { description: 'Find customers by city.', inputSchema: { city: z.string().max(100) } },
  async ({ city }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    const quoted = city.replace(/'/g, "''");
    // A hand-written replace is not escaping (backslashes, encodings): bind the value.
    // ruleid: no-sql-injection
    const { rows } = await pool.query(`SELECT id FROM customers WHERE city = '${quoted}'`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'execute_sql',
  { description: 'Run a read-only SQL query.', inputSchema: { sql: z.string().max(5000) } },
  async ({ sql }, extra) => {
    await limiter.consume(extra.sessionId ?? 'local');
    // ruleid: no-sql-injection
    const { rows } = await pool.query(sql);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);
