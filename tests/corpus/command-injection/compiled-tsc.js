"use strict";
// What `tsc --module commonjs` emits for a TypeScript server (the form most published servers ship):
// imports become `const x_1 = require(…)` or `__importDefault(require(…))`, and calls of imported
// functions become `(0, x_1.f)(…)`. The analysis reads them like the imports they were.
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const mcp_js_1 = require("@modelcontextprotocol/sdk/server/mcp.js");
const zod_1 = require("zod");
const rate_limiter_flexible_1 = require("rate-limiter-flexible");
const node_child_process_1 = require("node:child_process");
const node_util_1 = __importDefault(require("node:util"));
const compiled_helpers_1 = require("./lib/compiled-helpers.js");
const execAsync = node_util_1.default.promisify(node_child_process_1.exec);
const limiter = new rate_limiter_flexible_1.RateLimiterMemory({ points: 30, duration: 60 });
const server = new mcp_js_1.McpServer({ name: "repo-tools", version: "1.0.0" });
server.registerTool("git_log", { description: "Show the history of a ref.", inputSchema: { ref: zod_1.z.string() } }, async ({ ref }, extra) => {
    await limiter.consume(extra.sessionId ?? "local");
    // todoruleid: no-command-injection
    const out = (0, node_child_process_1.execSync)(`git log --oneline ${ref}`);
    return { content: [{ type: "text", text: String(out) }] };
});
server.registerTool("grep", { description: "Search the tree.", inputSchema: { pattern: zod_1.z.string() } }, async ({ pattern }, extra) => {
    await limiter.consume(extra.sessionId ?? "local");
    // ruleid: no-command-injection
    const { stdout } = await execAsync(`grep -rn ${pattern} .`);
    return { content: [{ type: "text", text: stdout }] };
});
server.registerTool("run_task", { description: "Run a task.", inputSchema: { task: zod_1.z.string() } }, async ({ task }, extra) => {
    await limiter.consume(extra.sessionId ?? "local");
    // todoruleid: no-command-injection
    await (0, compiled_helpers_1.runTask)(task);
    return { content: [{ type: "text", text: "done" }] };
});
server.registerTool("git_status", { description: "Show the status of the tree.", inputSchema: { short: zod_1.z.boolean() } }, async ({ short }, extra) => {
    await limiter.consume(extra.sessionId ?? "local");
    // ok: no-command-injection
    const out = (0, node_child_process_1.execFileSync)("git", short ? ["status", "--short"] : ["status"]);
    return { content: [{ type: "text", text: String(out) }] };
});
