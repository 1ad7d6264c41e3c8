import noEnvOutsideConfig from './no-env-outside-config.js';

/** Every rule of the plugin, by name, in alphabetical order (a test checks both). */
export const rules = {
  'no-env-outside-config': noEnvOutsideConfig,
};
