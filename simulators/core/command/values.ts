// How each kind of flag turns the text it was given into its value, and what it answers when the
// text does not fit. The reasons are worded as pflag words them (Go's own errors); dialects that do
// not speak Go (GNU, bash) put them in their own words around the value.
import { readCsvRecord } from './go-csv';
import { durationMs, parseGoDuration } from './go-duration';
import { parseGoBool, parseGoInt, parseGoUint, type GoParse } from './go-strconv';
import type { FlagSpec, FlagValue } from './types';

/** pflag's stringToString: one `k=v` (quotes trimmed) or a CSV record of them; keys set later win. */
function parseStringToString(raw: string): GoParse<Record<string, string>> {
  const equals = raw.split('=').length - 1;
  if (equals === 0) return { ok: false, error: `${raw} must be formatted as key=value` };
  let pairs: string[];
  if (equals === 1) pairs = [raw.replace(/^"+|"+$/g, '')];
  else {
    const record = readCsvRecord(raw);
    if (!record.ok) return record;
    pairs = record.value;
  }
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq === -1) return { ok: false, error: `${pair} must be formatted as key=value` };
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { ok: true, value: out };
}

/**
 * The value after one more occurrence of `flag` with `raw` (undefined when a bool or count came
 * bare). `previous` is the value so far and `first` whether this is the first time it is given:
 * slices and maps replace their default on first use and add to it after, as pflag's do.
 */
export function readFlagValue(flag: FlagSpec, raw: string | undefined, previous: FlagValue | undefined, first: boolean, goValues: boolean): GoParse<FlagValue> {
  const text = raw ?? '';
  switch (flag.type) {
    case 'bool':
      if (raw === undefined) return { ok: true, value: true };
      return goValues ? parseGoBool(raw) : { ok: true, value: !/^(false|0|f|F|FALSE|False)$/.test(raw) };
    case 'count':
      return { ok: true, value: (Number(previous) || 0) + 1 };
    case 'int':
      if (goValues) return parseGoInt(text, flag.bits);
      return /^[-+]?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, error: 'invalid syntax' };
    case 'uint':
      return parseGoUint(text, flag.bits);
    case 'duration': {
      const parsed = parseGoDuration(text);
      return parsed.ok ? { ok: true, value: durationMs(parsed.value) } : parsed;
    }
    case 'stringArray':
      return { ok: true, value: [...(first ? [] : (previous as string[] | undefined) ?? []), text] };
    case 'stringSlice': {
      // pflag reads an empty value as no items rather than one empty one.
      const parsed = text === '' ? { ok: true as const, value: [] } : readCsvRecord(text);
      if (!parsed.ok) return parsed;
      return { ok: true, value: [...(first ? [] : (previous as string[] | undefined) ?? []), ...parsed.value] };
    }
    case 'stringToString': {
      const parsed = parseStringToString(text);
      if (!parsed.ok) return parsed;
      return { ok: true, value: { ...(first ? {} : (previous as Record<string, string> | undefined)), ...parsed.value } };
    }
    case 'string':
      return { ok: true, value: text };
  }
}

/** The value a flag has when it is not given. */
export function defaultValue(flag: FlagSpec): FlagValue | undefined {
  if (flag.default !== undefined) return flag.default;
  switch (flag.type) {
    case 'bool':
      return false;
    case 'count':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    case 'stringToString':
      return {};
    default:
      return undefined;
  }
}

/** Whether the flag reads a value (`--name x`) rather than standing alone (`-d`, `-vvv`). */
export const takesValue = (flag: FlagSpec) => flag.type !== 'bool' && flag.type !== 'count';
