#!/usr/bin/env node
// The `eslint-plugin-mcp-security` and `mcp-security` executables: the scan command, built to dist/src/cli.
'use strict';

require('../dist/src/cli/main.js').main();
