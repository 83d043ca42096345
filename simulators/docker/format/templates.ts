// docker's templates package (docker/cli templates/templates.go): Go's text/template with docker's
// functions, as every `--format` parses and runs it.
import {
  executeTemplate as execute,
  executeTemplatePartial as executePartial,
  parseTemplate as parse,
  type ParsedTemplate,
  type TemplateError,
  type TemplateValue,
} from '../../core/template';
import { DOCKER_FUNCS, HEADER_FUNCS } from './template-funcs';

export interface DockerExecuteOptions {
  /** Go type of the data, for "can't evaluate field X in type T" (docker: `*formatter.ContainerContext`). */
  typeName?: string;
  /** docker's HeaderFunctions: json, split, join, title, lower, upper and truncate return their first (string) argument unchanged. */
  headerFunctions?: boolean;
}

const WITH_HEADERS = { ...DOCKER_FUNCS, ...HEADER_FUNCS };

/** templates.Parse: docker's functions are known. Throws TemplateError on bad syntax. */
export function parseTemplate(source: string): ParsedTemplate {
  return parse(source, DOCKER_FUNCS);
}

/** Executes a template; stops at the first error like Go and reports what was written so far. */
export function executeTemplatePartial(t: ParsedTemplate, data: TemplateValue, options: DockerExecuteOptions = {}): { output: string; error?: TemplateError } {
  return executePartial(t, data, { typeName: options.typeName, funcs: options.headerFunctions ? WITH_HEADERS : DOCKER_FUNCS });
}

/** Executes a parsed template against data. Throws TemplateError, worded like Go's. */
export function executeTemplate(t: ParsedTemplate, data: TemplateValue, options: DockerExecuteOptions = {}): string {
  return execute(t, data, { typeName: options.typeName, funcs: options.headerFunctions ? WITH_HEADERS : DOCKER_FUNCS });
}
