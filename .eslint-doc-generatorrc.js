/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ignoreConfig: ['flat/recommended', 'flat/strict'],
  ruleDocSectionInclude: ['Why', 'Examples', 'Options', 'Limitations', 'Further reading'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/mcp-security/eslint-plugin-mcp-security#presets',
};
