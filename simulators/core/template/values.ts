// The values a template works on. Go is typed and JavaScript is not, so values map onto Go kinds:
//   string -> string, safe integer -> int, other number -> float64, boolean -> bool,
//   null -> a nil interface, array -> slice ([]string when every element is a string),
//   function (TemplateFn) -> a method: `.Label "x"` calls it (its declared parameter count is its
//   arity), object -> a struct by default (a missing field is an error), or a map when wrapped with
//   goMap() (a missing key prints "<no value>", keys range and print sorted).
// formatterContext() marks a pointer to a struct whose JSON is a MarshalJSON of its methods (docker's
// *XContext rows): sorted keys, HTML-escaped, zero-argument methods called, methods with arguments
// left out; it prints as &{...}.

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [k: string]: TemplateValue } | TemplateFn;
/** A method of the data, like ContainerContext.Label(name). Declare every parameter (no rest or defaults): `length` is the arity Go checks. */
export type TemplateFn = (...args: TemplateValue[]) => TemplateValue;

// ---------------------------------------------------------------------------------------------
// Go kinds for objects

const GO_KIND = Symbol('berth.goKind');
export interface GoTag {
  kind: 'map' | 'struct' | 'context';
  typeName?: string;
}

function tagged<T extends object>(obj: T, tag: GoTag): T {
  const copy = (Array.isArray(obj) ? [...obj] : { ...obj }) as T;
  Object.defineProperty(copy, GO_KIND, { value: tag, enumerable: false });
  return copy;
}

/** A copy of obj that templates treat as a Go map (missing keys print "<no value>", keys sort). */
export function goMap<T extends object>(obj: T, typeName?: string): T {
  return tagged(obj, { kind: 'map', typeName });
}

/** A copy of obj that templates treat as a Go struct of the given type (missing fields are errors). */
export function goStruct<T extends object>(obj: T, typeName: string): T {
  return tagged(obj, { kind: 'struct', typeName });
}

/** A copy of obj as docker's formatter context (*formatter.ContainerContext and the like). */
export function formatterContext<T extends object>(obj: T, typeName?: string): T {
  if (Array.isArray(obj) || tagOf(obj)) return obj;
  return tagged(obj, { kind: 'context', typeName });
}

export function tagOf(obj: object): GoTag | undefined {
  return Object.prototype.hasOwnProperty.call(obj, GO_KIND) ? ((obj as Record<symbol, GoTag>)[GO_KIND] as GoTag) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Values while executing

/** Go's zero reflect.Value: a missing map key, or a nil interface once a pipeline unwraps it. */
export const INVALID = Symbol('invalid');
/** No value from a previous pipeline command. */
export const MISSING = Symbol('missing');

/** A float64 whose value happens to be integral (a literal like 1e6 or 3.0). */
export class GoFloat {
  constructor(readonly v: number) {}
}
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

export type Val = unknown;
export type Kind = 'invalid' | 'nil' | 'string' | 'int' | 'float' | 'complex' | 'bool' | 'slice' | 'map' | 'struct' | 'func';

export function kindOf(v: Val): Kind {
  if (v === INVALID) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isSafeInteger(v) ? 'int' : 'float';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func';
    case 'object':
      if (v instanceof GoFloat) return 'float';
      if (v instanceof GoComplex) return 'complex';
      if (Array.isArray(v)) return 'slice';
      return tagOf(v)?.kind === 'map' ? 'map' : 'struct';
    default:
      return 'nil';
  }
}

/** A value read out of the caller's data. */
export function fromData(x: unknown): Val {
  if (x === undefined) return null;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'symbol') return null;
  return x;
}

export function num(v: Val): number {
  return v instanceof GoFloat ? v.v : (v as number);
}

/** A value handed to the caller's methods. */
export function toData(v: Val): TemplateValue {
  if (v === INVALID || v === undefined || v === MISSING) return null;
  if (v instanceof GoFloat) return v.v;
  if (v instanceof GoComplex) return null;
  return v as TemplateValue;
}

export function ownKeys(obj: object): string[] {
  return Object.keys(obj);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Struct fields: own properties that are not methods. */
export function structFields(obj: object): string[] {
  return ownKeys(obj).filter((k) => typeof (obj as Record<string, unknown>)[k] !== 'function');
}

/** indirectInterface: a nil interface is no value at all. */
export const indirect = (v: Val): Val => (v === null || v === undefined ? INVALID : v);

/** template.IsTrue: what if, with, and, or and not count as true (a non-empty, non-zero value). */
export function isTrue(v: Val): boolean {
  const k = kindOf(v);
  switch (k) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return num(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return ownKeys(v as object).length > 0;
    case 'struct':
    case 'func':
      return true;
  }
}

export function isAllStrings(a: unknown[]): boolean {
  return a.every((x) => typeof x === 'string');
}

/** Any failure as a TemplateError: a JavaScript stack overflow is Go's depth error, anything else an internal error. */
export function asTemplateError(e: unknown): TemplateError {
  if (e instanceof TemplateError) return e;
  if (e instanceof RangeError) return new TemplateError('template: max expression depth exceeded');
  return new TemplateError(`template: internal error: ${e instanceof Error ? e.message : String(e)}`);
}
