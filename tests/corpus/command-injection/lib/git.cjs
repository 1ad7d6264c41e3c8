// CommonJS helpers of commonjs-server.cjs: named exports one by one, and an object of exports.
'use strict';

const { exec, execFile } = require('node:child_process');

exports.gitLog = (ref) => exec(`git log --oneline ${ref}`);

module.exports.gitShow = function gitShow(ref) {
  return execFile('git', ['show', '--', ref]);
};
