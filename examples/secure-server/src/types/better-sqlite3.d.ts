// better-sqlite3 is a dependency of this server (see package.json), but the plugin's repository
// only lints and type-checks the example and does not install it. This declares the small part of
// its API the server uses, with the real signatures.
declare module 'better-sqlite3' {
  namespace Database {
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      all(...params: unknown[]): unknown[];
      get(...params: unknown[]): unknown;
      run(...params: unknown[]): RunResult;
    }
  }
  class Database {
    constructor(filename: string, options?: Database.Options);
    prepare(source: string): Database.Statement;
    close(): this;
  }
  export = Database;
}
