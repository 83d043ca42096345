// What a template function is: Go's FuncMap entries, described by their parameter types so that
// the executor converts and checks arguments as Go's reflection does (and words the same errors).
// Go's builtins live in builtins.ts; a tool adds its own (docker's json, join, upper...) as a
// FuncMap passed to parseTemplate and executeTemplate.
import type { Printer } from './fmt';
import { fromData, toData, type TemplateFn, type Val } from './values';

/** How an argument is passed: interface{}, reflect.Value (unconverted), string, int or []string. */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'strings';

export const PARAM_TYPE_NAME: Record<ParamType, string> = { any: 'interface {}', value: 'reflect.Value', string: 'string', int: 'int', strings: '[]string' };

/** A Go error returned by a function: "error calling NAME: message". */
export class FuncError extends Error {}

/** What a function may ask of the running template. */
export interface CallContext {
  /** The Go type of a value, for messages. */
  typeName(v: Val): string;
  /** fmt's %v of a value. */
  sprintV(v: Val): string;
  /** html/js/urlquery's evalArgs: fmt.Sprint, or the string itself. */
  evalArgs(args: Val[]): string;
  readonly printer: Printer;
  /** The name the function was called by (for `call`: the callee's node text). */
  readonly calleeName: string;
}

export interface TemplateFunc {
  params: ParamType[];
  variadic?: ParamType;
  /** Returns the result, or throws FuncError for Go's returned error. */
  call: (args: Val[], x: CallContext) => Val;
}

export type FuncMap = Readonly<Record<string, TemplateFunc>>;

/** Calls one of the caller's methods; what it throws becomes a Go error. */
export function callUser(fn: TemplateFn, args: Val[]): Val {
  try {
    return fromData(fn(...args.map(toData)));
  } catch (e) {
    throw new FuncError(e instanceof Error ? e.message : String(e));
  }
}
