import maxDescriptionLength from './max-description-length.js';
import noCommandInjection from './no-command-injection.js';
import noDescriptionInjection from './no-description-injection.js';
import noEnvOutsideConfig from './no-env-outside-config.js';
import noErrorLeak from './no-error-leak.js';
import noPathTraversal from './no-path-traversal.js';
import requireInputSchema from './require-input-schema.js';
import requireRateLimit from './require-rate-limit.js';

/** Every rule of the plugin, by name, in alphabetical order (a test checks both). */
export const rules = {
  'max-description-length': maxDescriptionLength,
  'no-command-injection': noCommandInjection,
  'no-description-injection': noDescriptionInjection,
  'no-env-outside-config': noEnvOutsideConfig,
  'no-error-leak': noErrorLeak,
  'no-path-traversal': noPathTraversal,
  'require-input-schema': requireInputSchema,
  'require-rate-limit': requireRateLimit,
};
