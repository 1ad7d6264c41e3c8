// CommonJS helpers of commonjs-server.cjs: `module.exports = { … }`.
'use strict';

const childProcess = require('child_process');

function run(command) {
  return childProcess.execSync(command).toString();
}

function runAllowed(command) {
  if (!['uptime', 'df -h'].includes(command)) throw new Error('Not an allowed command.');
  return childProcess.execSync(command).toString();
}

module.exports = { run, runAllowed };
