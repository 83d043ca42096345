// Go's text/template, shared by every tool that takes a Go template (docker's --format, later
// kubectl's -o go-template). Written from Go's text/template (lex.go, parse.go, exec.go, funcs.go)
// so that the output and, above all, the error messages read the same. A tool adds its own
// functions as a FuncMap given to parseTemplate and executeTemplate; nothing here knows any tool.
export { executeTemplate, executeTemplatePartial, type ExecuteOptions } from './exec';
export { FuncError, type CallContext, type FuncMap, type ParamType, type TemplateFunc } from './functions';
export { goQuote } from './go-text';
export { encodeJSON, JsonUnsupported } from './json';
export type { ParsedTemplate } from './nodes';
export { parseTemplate } from './parser';
export { formatFloat } from './strconv';
export { formatterContext, goMap, goStruct, TemplateError, type TemplateFn, type TemplateValue, type Val } from './values';
