/** Every rule of the plugin, by name, in alphabetical order (a test checks both). */
export const rules = {};
