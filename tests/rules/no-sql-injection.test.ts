import path from 'node:path';

import rule from '../../src/rules/no-sql-injection.js';
import { createRuleTester } from '../rule-tester.js';
import { repoRoot } from '../support/lint.js';
import { at } from '../support/positions.js';

const ruleTester = createRuleTester();

const HEAD = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\n";

/** A tool whose handler receives `args` (`args.name`, `args.sort`, `args.sql`); `setup` goes above the server. */
function tool(body: string, setup = '', schema = '{ name: z.string(), sort: z.string(), sql: z.string() }'): string {
  return `${HEAD}${setup}
const server = new McpServer({ name: 'db', version: '1.0.0' });
server.registerTool('find_users', { description: 'Find users.', inputSchema: ${schema} }, async (args) => {
${body}
  return { content: [{ type: 'text' as const, text: 'done' }] };
});
`;
}

function invalid(code: string, messageId: 'sqlInjection' | 'arbitrarySql' | 'crossModule', text: string, inside = text) {
  return { code, errors: [{ messageId, ...at(code, text, inside) }] };
}

const PG = "import { Pool } from 'pg';\nconst pool = new Pool();\n";
const PG_CLIENT = "import pg from 'pg';\nconst client = new pg.Client();\n";
const MYSQL = "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ host: 'db' });\n";
const SQLITE = "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\n";
const SQLITE_OPEN = "import { open } from 'sqlite';\nimport sqlite3 from 'sqlite3';\nconst db = await open({ filename: 'app.db', driver: sqlite3.Database });\n";
const KNEX = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const SEQUELIZE = "import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://localhost/app');\n";
const DRIZZLE = "import { sql } from 'drizzle-orm';\nimport { drizzle } from 'drizzle-orm/node-postgres';\nconst db = drizzle('postgres://localhost/app');\n";
const TYPEORM = "import { DataSource } from 'typeorm';\nconst dataSource = new DataSource({ type: 'postgres' });\n";
const POSTGRES = "import postgres from 'postgres';\nconst sql = postgres('postgres://localhost/app');\n";
const COLUMNS = "const SORT_COLUMNS = new Set(['name', 'created_at']);\n";

/** A helper runs SQL on the database its caller passes (an untyped parameter). */
const RUN = 'function run(db, sql) {\n  return db.query(sql);\n}\n';
const PG_NEW = "import pg from 'pg';\nconst pool = new pg.Pool();\n";
const template = '`SELECT * FROM users WHERE name = \'${args.name}\'`';

ruleTester.run('no-sql-injection', rule, {
  valid: [
    { code: tool('  await pool.query(args.sql);', PG), options: [{ reportArbitrarySql: false }] },
    // Bound parameters.
    tool("  await pool.query('SELECT * FROM users WHERE name = $1', [args.name]);", PG),
    tool("  await client.query({ text: 'SELECT * FROM users WHERE name = $1', values: [args.name] });", PG_CLIENT),
    tool("  const [rows] = await pool.execute('SELECT * FROM users WHERE name = ?', [args.name]);\n  void rows;", MYSQL),
    tool("  db.prepare('SELECT * FROM users WHERE name = ?').all(args.name);", SQLITE),
    tool("  await db.all('SELECT * FROM users WHERE name = ?', args.name);", SQLITE_OPEN),
    tool("  await db('users').where({ name: args.name }).orderBy('created_at');\n  await db.raw('SELECT * FROM users WHERE name = ?', [args.name]);", KNEX),
    // Parameterising tagged templates.
    tool('  await prisma.$queryRaw`SELECT * FROM users WHERE name = ${args.name}`;', PRISMA),
    tool('  await db.execute(sql`SELECT * FROM users WHERE name = ${args.name}`);', DRIZZLE),
    tool('  await sql`SELECT * FROM users WHERE name = ${args.name}`;', POSTGRES),
    // Escaped identifiers.
    tool("  await pool.query(format('SELECT * FROM users ORDER BY %I', args.sort));", `${PG}import format from 'pg-format';\n`),
    tool('  await pool.query(`SELECT * FROM users ORDER BY ${format.ident(args.sort)}`);', `${PG}import format from 'pg-format';\n`),
    tool('  await client.query(`SELECT * FROM users ORDER BY ${client.escapeIdentifier(args.sort)}`);', PG_CLIENT),
    tool('  await pool.query(`SELECT * FROM users ORDER BY ${mysql.escapeId(args.sort)}`);', MYSQL),
    // Allowlists and numbers.
    tool("  const column = SORT_COLUMNS.has(args.sort) ? args.sort : 'id';\n  await pool.query(`SELECT * FROM users ORDER BY ${column}`);", `${PG}${COLUMNS}`),
    tool("  if (!SORT_COLUMNS.has(args.sort)) throw new Error('bad sort');\n  await pool.query(`SELECT * FROM users ORDER BY ${args.sort}`);", `${PG}${COLUMNS}`),
    tool('  await pool.query(`SELECT * FROM users LIMIT ${Number(args.name)}`);', PG),
    tool('  await pool.query(`SELECT * FROM users ORDER BY ${args.sort}`);', PG, "{ sort: z.enum(['name', 'created_at']) }"),
    // Not a database: methods named exec/query/prepare on other objects.
    // A helper's `db.query(sql)` on a cache its callers pass, not a database.
    tool('  await run(new Map(), args.sql);', RUN),
    tool('  /x/.exec(args.name);\n  [args.name].join(", ");\n  await cache.query(`k:${args.name}`);', 'declare const cache: { query(key: string): Promise<void> };\n'),
  ],
  invalid: [
    invalid(tool(`  await pool.query(${template});`, PG), 'sqlInjection', template),
    // A pg pool made in a CommonJS module and required here: the instance is followed into that module.
    { ...invalid(tool(`  await pool.query(${template});`, "const { pool } = require('./commonjs/db.js');\n"), 'sqlInjection', template), filename: path.join(repoRoot, 'tests/taint/fixtures/handler.ts') },
    invalid(tool("  await client.query('SELECT * FROM users WHERE name = \\'' + args.name + '\\'');", PG_CLIENT), 'sqlInjection', "'SELECT * FROM users WHERE name = \\'' + args.name + '\\''"),
    invalid(tool(`  const conn = await pool.getConnection();\n  await conn.query(${template});`, MYSQL), 'sqlInjection', template),
    invalid(tool(`  await pool.execute(${template});`, MYSQL), 'sqlInjection', template),
    invalid(tool(`  db.prepare(${template}).all();`, SQLITE), 'sqlInjection', template),
    invalid(tool('  db.exec(args.sql);', SQLITE), 'arbitrarySql', 'args.sql'),
    invalid(tool(`  await db.get(${template});`, SQLITE_OPEN), 'sqlInjection', template),
    invalid(tool('  await db(\'users\').orderByRaw(`${args.sort} DESC`);', KNEX), 'sqlInjection', '`${args.sort} DESC`'),
    invalid(tool(`  await db.raw(${template});`, KNEX), 'sqlInjection', template),
    invalid(tool(`  await prisma.$queryRawUnsafe(${template});`, PRISMA), 'sqlInjection', template),
    invalid(tool('  await prisma.$executeRawUnsafe(args.sql);', PRISMA), 'arbitrarySql', 'args.sql'),
    invalid(tool(`  await sequelize.query(${template});`, SEQUELIZE), 'sqlInjection', template),
    invalid(tool('  await db.execute(sql.raw(`SELECT * FROM users ORDER BY ${args.sort}`));', DRIZZLE), 'sqlInjection', '`SELECT * FROM users ORDER BY ${args.sort}`'),
    invalid(tool(`  await dataSource.query(${template});`, TYPEORM), 'sqlInjection', template),
    invalid(tool(`  await sql.unsafe(${template});`, POSTGRES), 'sqlInjection', template),
    invalid(tool('  const result = await pool.query(args.sql);\n  void result;', PG), 'arbitrarySql', 'args.sql'),
    invalid(tool('  await run(pool, args.sql);', `${PG_NEW}${RUN}`), 'arbitrarySql', 'sql', 'db.query(sql)'),
    invalid(tool(`  await run(pool, ${template});`, `${PG_NEW}${RUN}`), 'sqlInjection', 'sql', 'db.query(sql)'),
    // pg-format's %s inserts the value raw.
    invalid(tool("  await pool.query(format('SELECT * FROM users ORDER BY %s', args.sort));", `${PG}import format from 'pg-format';\n`), 'sqlInjection', "format('SELECT * FROM users ORDER BY %s', args.sort)"),
    // A bare replace of quotes is not an escape.
    invalid(tool("  const name = args.name.replace(/'/g, \"''\");\n  await pool.query(`SELECT * FROM users WHERE name = '${name}'`);", PG), 'sqlInjection', "`SELECT * FROM users WHERE name = '${name}'`"),
  ],
});
