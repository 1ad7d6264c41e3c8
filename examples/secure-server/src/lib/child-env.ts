/**
 * The environment of every child process: a fixed PATH (so a program is never looked up in a
 * directory the workspace controls) and nothing else, so that no secret of the server reaches it.
 */
export const CHILD_ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

/** Output beyond this makes the child fail instead of filling memory. */
export const MAX_OUTPUT_BYTES = 1024 * 1024;

/** Children that take longer are killed. */
export const CHILD_TIMEOUT_MS = 10_000;
