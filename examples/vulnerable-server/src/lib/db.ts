import Database from 'better-sqlite3';

import { config } from '../config.js';

/** The issue tracker's SQLite database. */
export const db = new Database(config.issuesDbPath);

export interface IssueRow {
  id: number;
  title: string;
  status: string;
}
