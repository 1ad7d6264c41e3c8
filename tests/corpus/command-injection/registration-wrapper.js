// Official SDK, plain JavaScript: a mobile-device automation server (the @mobilenext/mobile-mcp shape)
// that registers every tool through a local wrapper, tool(name, title, description, schema,
// annotations, cb). The wrapper's own function guards the rate and turns each callback's value, or
// its error, into the result; each call of it is a tool whose handler is the callback.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

import { limiter } from './lib/limits.js';

const server = new McpServer({ name: 'mobile', version: '0.9.0' });
const PACKAGES = new Set(['com.android.settings', 'com.android.chrome']);

const tool = (name, title, description, paramsSchema, annotations, cb) => {
  server.registerTool(name, { title, description, inputSchema: paramsSchema, annotations }, async (args, extra) => {
    await limiter.consume(extra.sessionId ?? name);
    try {
      const response = await cb(args);
      return { content: [{ type: 'text', text: response }] };
    } catch (error) {
      // Every tool's errors end up here: reported once, at the wrapper.
      // ruleid: no-error-leak
      return { content: [{ type: 'text', text: `Error: ${error.message}` }], isError: true };
    }
  });
};

// ok: no-description-injection
tool('mobile_list_apps', 'List Apps', 'List the apps installed on the device', {}, { readOnlyHint: true }, async () => {
  return execFileSync('adb', ['shell', 'pm', 'list', 'packages'], { encoding: 'utf8' });
});

tool(
  'mobile_launch_app',
  'Launch App',
  'Launch an app by its package name',
  { packageName: z.string().describe('The package name of the app') },
  { destructiveHint: true },
  async ({ packageName }) => {
    // The callback is the handler; the ast-grep ruleset only sees callbacks of registration calls.
    // todoruleid: no-command-injection
    execSync(`adb shell monkey -p ${packageName} 1`);
    return `Launched ${packageName}`;
  },
);

tool(
  'mobile_open_settings',
  'Open Settings',
  'Open one of the known system apps',
  { packageName: z.string() },
  {},
  async ({ packageName }) => {
    if (!PACKAGES.has(packageName)) return 'Not a known app.';
    // ok: no-command-injection
    execSync(`adb shell monkey -p ${packageName} 1`);
    return `Opened ${packageName}`;
  },
);

tool(
  'mobile_save_screenshot',
  'Save Screenshot',
  'Save a screenshot of the mobile device to a file',
  { saveTo: z.string().describe('The file to save the screenshot to') },
  {},
  async ({ saveTo }) => {
    const png = execFileSync('adb', ['exec-out', 'screencap', '-p']);
    // todoruleid: no-path-traversal
    fs.writeFileSync(saveTo, png);
    return `Saved to ${saveTo}`;
  },
);
