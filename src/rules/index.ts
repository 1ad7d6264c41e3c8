import maxDescriptionLength from './max-description-length.js';
import noCodeInjection from './no-code-injection.js';
import noCommandInjection from './no-command-injection.js';
import noDescriptionInjection from './no-description-injection.js';
import noEnvOutsideConfig from './no-env-outside-config.js';
import noErrorLeak from './no-error-leak.js';
import noPathTraversal from './no-path-traversal.js';
import noSqlInjection from './no-sql-injection.js';
import noSsrf from './no-ssrf.js';
import requireInputSchema from './require-input-schema.js';
import requireRateLimit from './require-rate-limit.js';

/** Every rule of the plugin, by name, in alphabetical order (a test checks both). */
export const rules = {
  'max-description-length': maxDescriptionLength,
  'no-code-injection': noCodeInjection,
  'no-command-injection': noCommandInjection,
  'no-description-injection': noDescriptionInjection,
  'no-env-outside-config': noEnvOutsideConfig,
  'no-error-leak': noErrorLeak,
  'no-path-traversal': noPathTraversal,
  'no-sql-injection': noSqlInjection,
  'no-ssrf': noSsrf,
  'require-input-schema': requireInputSchema,
  'require-rate-limit': requireRateLimit,
};
