"use strict";
// A helper module as tsc emits it: `exports.runTask = runTask`, the import as `child_process_1`.
Object.defineProperty(exports, "__esModule", { value: true });
exports.runTask = runTask;
const child_process_1 = require("child_process");
function runTask(task) {
    return new Promise((resolve, reject) => {
        (0, child_process_1.exec)(`make ${task}`, (error) => (error ? reject(new Error("task failed")) : resolve()));
    });
}
