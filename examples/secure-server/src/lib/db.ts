import Database from 'better-sqlite3';

import { config } from '../config.js';

/** The issue tracker's SQLite database, opened read-only: the tools only search it. */
export const db = new Database(config.issuesDbPath, { readonly: true, fileMustExist: true });

export interface IssueRow {
  id: number;
  title: string;
  status: string;
}
