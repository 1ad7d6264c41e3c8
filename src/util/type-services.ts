import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

/**
 * The type services when the file was linted with a TypeScript program, else `undefined`.
 * (`ESLintUtils.getParserServices(context, true)` throws under espree, so read them ourselves.)
 */
export function getTypeServices(
  sourceCode: Readonly<TSESLint.SourceCode>,
): ParserServicesWithTypeInformation | undefined {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (services?.program == null || services.esTreeNodeToTSNodeMap == null) return undefined;
  return services as ParserServicesWithTypeInformation;
}
