// The built-ins jq 1.7.1 defines in jq itself, written here in jq too, so that they behave as
// jq's do in path expressions (`del(.[] | select(...))`, `paths`), with the same outputs and
// errors. The ones that must loop instead of recursing are natives (builtins.ts).
import type { FuncDef, Node } from './ast';
import { parseProgram } from './parser';

const SOURCE = `
def map(f): [.[] | f];
def select(f): if f then . else empty end;
def map_values(f): .[] |= f;
def with_entries(f): to_entries | map(f) | from_entries;
def del(f): delpaths([path(f)]);
def paths: path(..) | select(length > 0);
def paths(node_filter): path(.. | select(node_filter)) | select(length > 0);
def isfinite: type == "number" and (isinfinite | not);
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type | . == "array" or . == "object");
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def normals: select(isnormal);
def finites: select(isfinite);
def strings: select(type == "string");
def nulls: select(. == null);
def values: select(. != null);
def scalars: select(type | . != "array" and . != "object");
def capture(re; mods): match(re; mods) | reduce (.captures[] | select(.name != null) | {(.name): .string}) as $pair ({}; . + $pair);
def capture($val): ($val | type) as $vt
  | if $vt == "string" then capture($val; null)
    elif $vt == "array" and ($val | length) > 1 then capture($val[0]; $val[1])
    elif $vt == "array" and ($val | length) > 0 then capture($val[0]; null)
    else error($vt + " not a string or array") end;
def scan($re; $flags): match($re; "g" + $flags) | if (.captures | length) > 0 then [.captures[].string] else .string end;
def scan($re): scan($re; null);
def nth($n): .[$n];
def nth($n; g): if $n < 0 then error("nth doesn't support negative indices")
  else label $out | foreach g as $item ($n + 1; . - 1; if . <= 0 then $item, break $out else empty end) end;
def first: .[0];
def last: .[-1];
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $y | [$x] + $y end;
def combinations(n): . as $dot | [range(n) | $dot] | combinations;
def transpose: [range(0; map(length) | max // 0) as $i | [.[][$i]]];
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def all(generator; condition): isempty(generator | condition and empty);
def any(generator; condition): isempty(generator | condition or empty) | not;
def all(condition): all(.[]; condition);
def any(condition): any(.[]; condition);
def all: all(.[]; .);
def any: any(.[]; .);
def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
def pick(pathexps): . as $in | reduce path(pathexps) as $p (null; setpath($p; $in | getpath($p)));
def debug(msgs): (msgs | debug | empty), .;
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] = $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def halt_error: halt_error(5);
def abs: if . < 0 then - . else . end;
def truncate_stream(stream): . as $n | null | stream | . as $input
  | if (.[0] | length) > $n then setpath([0]; $input[0][$n:]) else empty end;
def fromstream(i): {x: null, e: false} as $init
  | foreach i as $i ($init;
      if .e then $init else . end
      | if $i | length == 2
        then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1])
        else setpath(["e"]; $i[0] | length == 1) end;
      if .e then .x else empty end);
def bsearch($target):
  if length == 0 then -1
  elif length == 1 then (if $target == .[0] then 0 elif $target < .[0] then -1 else -2 end)
  else . as $in
    | [0, length - 1, null]
    | until(.[0] > .[1];
        if .[2] != null then .[1] = -1
        else ((.[1] + .[0]) / 2 | floor) as $mid
          | $in[$mid] as $here
          | if $here == $target then .[2] = $mid
            elif .[0] == .[1] then .[1] = -1
            elif $here < $target then .[0] = $mid + 1
            else .[1] = $mid - 1 end
        end)
    | if .[2] == null then (if $in[.[0]] < $target then -2 - .[0] else -1 - .[0] end) else .[2] end
  end;
.`;

let library: Map<string, { def: FuncDef }> | undefined;

/** The library's definitions by name/arity, parsed once. */
export function preludeLibrary(): Map<string, { def: FuncDef }> {
  if (library) return library;
  library = new Map();
  let node: Node = parseProgram(SOURCE);
  while (node.k === 'def') {
    library.set(`${node.def.name}/${node.def.params.length}`, { def: node.def });
    node = node.rest;
  }
  return library;
}
