/**
 * Calls that do expensive work whatever their arguments: network clients and database drivers.
 * The sink table (`sinks.ts`) lists the calls where input is dangerous (a URL, SQL text); this table
 * lists every call that costs a request or a query (`prisma.user.findMany()`, `redis.get()`,
 * `dns.lookup()`), for `require-rate-limit`, which reads both tables to decide whether a tool
 * handler is "expensive". Data only.
 *
 * A row matches a call, `new` or tagged template whose callee is an export of the module (`fetch`,
 * `axios.get`, `` sql`…` ``), or a method (at any depth) of a value made by calling or `new`-ing an
 * export of it (`new Database(file).prepare(…)`, `pool.query(…)`, `prisma.user.findMany(…)`,
 * `axios.create().get(…)`).
 */

export type WorkCategory = 'network' | 'database';

export interface WorkModule {
  /** Module specifiers (without `node:`); a trailing `/` matches every subpath (`drizzle-orm/`). */
  readonly modules: readonly string[];
  /** Export paths that count; absent: every export (and the module itself). */
  readonly exports?: readonly (readonly string[])[];
  /**
   * Members that do no work, of the module and of the values it makes: the first name after the
   * module (`axios.isAxiosError(e)`) or after the value (`client.interceptors.request.use(…)`).
   */
  readonly except?: readonly string[];
  readonly category: WorkCategory;
}

export const WORK_MODULES: readonly WorkModule[] = [
  // Network: the platform, node's clients, and the HTTP client packages.
  { modules: ['globalThis'], exports: [['fetch'], ['WebSocket'], ['EventSource']], category: 'network' },
  { modules: ['http', 'https'], exports: [['request'], ['get']], category: 'network' },
  { modules: ['http2'], exports: [['connect']], category: 'network' },
  { modules: ['net', 'tls'], exports: [['connect'], ['createConnection']], category: 'network' },
  { modules: ['dns', 'dns/promises'], category: 'network' },
  // axios' helpers and classes that send nothing (`axios.create()` stays: it is the sink row of a `baseURL`, and makes the client).
  {
    modules: ['axios'],
    except: [
      'isAxiosError', 'isCancel', 'toFormData', 'formToJSON', 'mergeConfig', 'getAdapter', 'all', 'spread', 'CancelToken', 'Cancel',
      'CanceledError', 'AxiosError', 'AxiosHeaders', 'HttpStatusCode', 'VERSION', 'interceptors', 'defaults', 'getUri',
    ],
    category: 'network',
  },
  {
    modules: [
      'undici', 'got', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'ky', 'ofetch', 'superagent', 'needle',
      'request', 'phin', 'ws', 'nodemailer',
    ],
    category: 'network',
  },
  // Databases: drivers, query builders and ORMs.
  {
    modules: [
      'pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'mysql2/promise', 'better-sqlite3', 'sqlite', 'sqlite3', 'bun:sqlite',
      'knex', '@prisma/client', 'mongodb', 'mongoose', 'redis', 'ioredis', 'sequelize', 'typeorm', 'drizzle-orm/', 'kysely',
      '@libsql/client', '@neondatabase/serverless', '@vercel/postgres', '@planetscale/database', '@supabase/supabase-js',
      'duckdb', 'cassandra-driver', 'oracledb', 'mssql', 'tedious',
    ],
    category: 'database',
  },
];

/** How messages describe each kind of work. */
export const WORK_TEXT = {
  filesystem: 'uses the file system',
  'filesystem-read': 'reads the file system',
  'filesystem-write': 'writes to the file system',
  process: 'runs a process',
  network: 'makes network requests',
  database: 'queries a database',
} as const;

/** File-system calls that only read (by the name of the sink): `readFile`, `stat`, `readdir`, … */
export const FS_READ_NAME = /^(?:read|stat|lstat|access|exists|opendir|createReadStream|realpath|watch|pathExists|cat|head|tail|ls|find|file)/i;
