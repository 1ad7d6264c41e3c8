// Low-level Server: one tools/call handler over several drivers (mysql2, better-sqlite3, knex,
// prisma, drizzle, sequelize, TypeORM, postgres.js).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { PrismaClient } from '@prisma/client';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import knex from 'knex';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import { z } from 'zod';

const limiter = new RateLimiterMemory({ points: 30, duration: 60 });
const mysqlPool = mysql.createPool({ host: 'db', user: 'reader', database: 'shop' });
const sqlite = new Database('shop.db', { readonly: true });
const qb = knex({ client: 'pg', connection: 'postgres://db/shop' });
const prisma = new PrismaClient();
const orm = drizzle('postgres://db/shop');
const sequelize = new Sequelize('postgres://db/shop');
const dataSource = new DataSource({ type: 'postgres', url: 'postgres://db/shop' });
const pg = postgres('postgres://db/shop');

const Args = z.object({ name: z.string().max(100), sort: z.string().max(40), sql: z.string().max(5000) });
const server = new Server({ name: 'shop-db', version: '0.9.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  await limiter.consume(extra.sessionId ?? 'local');
  const args = Args.parse(request.params.arguments);
  const template = `SELECT id, name FROM products WHERE name = '${args.name}'`;
  switch (request.params.name) {
    case 'mysql_find': {
      // ruleid: no-sql-injection
      const [rows] = await mysqlPool.query(`SELECT id, name FROM products WHERE name = '${args.name}'`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'mysql_find_safe': {
      // ok: no-sql-injection
      const [rows] = await mysqlPool.execute('SELECT id, name FROM products WHERE name = ?', [args.name]);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'mysql_connection': {
      const connection = await mysqlPool.getConnection();
      // ruleid: no-sql-injection
      const [rows] = await connection.execute(template);
      connection.release();
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'mysql_sorted': {
      // ok: no-sql-injection
      const [rows] = await mysqlPool.query(`SELECT id, name FROM products ORDER BY ${mysql.escapeId(args.sort)}`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'sqlite_find': {
      // ruleid: no-sql-injection
      const rows = sqlite.prepare(`SELECT id, name FROM products WHERE name = '${args.name}'`).all();
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'sqlite_find_safe': {
      // ok: no-sql-injection
      const rows = sqlite.prepare('SELECT id, name FROM products WHERE name = ?').all(args.name);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'sqlite_exec': {
      // ruleid: no-sql-injection
      sqlite.exec(args.sql);
      return { content: [{ type: 'text', text: 'done' }] };
    }
    case 'knex_find': {
      // ok: no-sql-injection
      const rows = await qb('products').where({ name: args.name }).select('id', 'name');
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'knex_sorted': {
      // ruleid: no-sql-injection
      const rows = await qb('products').select('id').orderByRaw(`${args.sort} DESC`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'knex_raw': {
      // ok: no-sql-injection
      const rows = await qb.raw('SELECT id FROM products WHERE name = ?', [args.name]);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'knex_where_raw': {
      // ruleid: no-sql-injection
      const rows = await qb('products').whereRaw(`name = '${args.name}'`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'prisma_find': {
      // ok: no-sql-injection
      const rows = await prisma.$queryRaw`SELECT id, name FROM products WHERE name = ${args.name}`;
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'prisma_find_unsafe': {
      // ruleid: no-sql-injection
      const rows = await prisma.$queryRawUnsafe(`SELECT id, name FROM products WHERE name = '${args.name}'`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'prisma_bound_unsafe': {
      // ok: no-sql-injection
      const rows = await prisma.$queryRawUnsafe('SELECT id, name FROM products WHERE name = $1', args.name);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'drizzle_find': {
      // ok: no-sql-injection
      const rows = await orm.execute(sql`SELECT id, name FROM products WHERE name = ${args.name}`);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'drizzle_sorted': {
      // ruleid: no-sql-injection
      const rows = await orm.execute(sql.raw(`SELECT id, name FROM products ORDER BY ${args.sort}`));
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'sequelize_find': {
      // ruleid: no-sql-injection
      const [rows] = await sequelize.query(template);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'sequelize_find_safe': {
      // ok: no-sql-injection
      const [rows] = await sequelize.query('SELECT id, name FROM products WHERE name = :name', { replacements: { name: args.name } });
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'typeorm_find': {
      // ruleid: no-sql-injection
      const rows: unknown = await dataSource.query(template);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'typeorm_find_safe': {
      // ok: no-sql-injection
      const rows: unknown = await dataSource.query('SELECT id, name FROM products WHERE name = $1', [args.name]);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'postgres_find': {
      // ok: no-sql-injection
      const rows = await pg`SELECT id, name FROM products WHERE name = ${args.name}`;
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    case 'postgres_unsafe': {
      // ruleid: no-sql-injection
      const rows = await pg.unsafe(args.sql);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    }
    default:
      return { content: [{ type: 'text', text: 'Unknown tool.' }], isError: true };
  }
});
