import type { TSESTree } from '@typescript-eslint/utils';

import type { SourceUnit } from '../../util/source-unit.js';
import type { ToolHandler } from '../types.js';

/**
 * A recognizer looks at one node and says whether it registers tools. It is pure: it never
 * reports, and it returns the same answer for the same node. One node can register several tools
 * (a loop over an array of definitions), hence the array.
 */
export type Recognizer = (node: TSESTree.Node, unit: SourceUnit) => readonly ToolHandler[] | null;
