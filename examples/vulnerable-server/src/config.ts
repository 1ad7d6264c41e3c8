import path from 'node:path';

/** Server settings, read once from the environment. */
export const config = {
  workspaceRoot: path.resolve(process.env.WORKSPACE_ROOT ?? process.cwd()),
  notesDir: path.resolve(process.env.NOTES_DIR ?? 'notes'),
  issuesDbPath: process.env.ISSUES_DB_PATH ?? 'issues.db',
  httpPort: Number(process.env.PORT ?? 3000),
};
