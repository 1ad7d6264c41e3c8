import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PackageInfo {
  name: string;
  version: string;
}

/**
 * Name and version from the plugin's package.json. Found by walking up from this file, because the
 * file sits at a different depth in `src/` (tests) and `dist/src/` (the published build).
 */
export function readPackageInfo(from: string = __dirname): PackageInfo {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Partial<PackageInfo>;
      if (json.name === 'eslint-plugin-mcp-security' && typeof json.version === 'string') {
        return { name: json.name, version: json.version };
      }
    } catch {
      // No package.json at this level: keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`eslint-plugin-mcp-security: package.json not found above ${from}`);
  }
}
