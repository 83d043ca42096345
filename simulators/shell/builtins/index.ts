// Every command the laptop's shell knows before docker and kubectl join: one spec per command,
// each in the file named after it.
import type { CommandSpec } from '../../core/command/spec';
import { cat } from './cat';
import { cd } from './cd';
import { cp, mv } from './copy-move';
import { date } from './date';
import { echo } from './echo';
import { env } from './env';
import { exportBuiltin, unset } from './export';
import { mkdir, rm, rmdir, touch } from './files';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { help, type, which } from './help';
import { history } from './history';
import { hostname, uname, whoami } from './identity';
import { ls } from './ls';
import { nano } from './nano';
import { printf } from './printf';
import { ps } from './ps';
import { pwd } from './pwd';
import { breakBuiltin, clear, continueBuiltin, exit, falseBuiltin, trueBuiltin } from './shell-control';
import { bracket, test } from './test';
import { read } from './read';
import { sleep } from './sleep';
import { sort } from './sort';
import { tee } from './tee';
import { wc } from './wc';
import { lessCommand } from './less';
import { moreCommand } from './more';
import { manCommand } from './man';
import { watchCommand } from './watch';
import { declareBuiltin, local, typeset } from './declare';
import { command, evalBuiltin } from './eval-command';
import { mapfile, readarray } from './mapfile';
import { letBuiltin } from './let';
import { returnBuiltin, shift } from './return-shift';
import { set } from './set';
import { source } from './source';
import { base64 } from './base64';
import { cut } from './cut';
import { seq } from './seq';
import { tr } from './tr';
import { yes } from './yes';
import { basename, dirname, realpath } from './paths';
import { envsubst } from './envsubst';
import { nl } from './nl';
import { uniq } from './uniq';
import { xargs } from './xargs';
import { find } from './find';
import { diff } from './diff';
import { sed } from './sed';
import { awk, mawk } from './awk';
import { jq } from './jq';
import { bg, disown, fg, jobsBuiltin } from './jobs';
import { wait } from './wait';
import { kill } from './kill';

export const BUILTINS: readonly CommandSpec[] = [
  help, clear, echo, printf, cat, ls, cd, pwd, mkdir, rmdir, touch, rm, cp, mv, history, exportBuiltin, unset, env,
  whoami, hostname, uname, date, sleep, grep, head, tail, wc, sort, tee, ps, nano, trueBuiltin, falseBuiltin, exit, which, type,
  test, bracket, breakBuiltin, continueBuiltin, read,
  lessCommand, moreCommand, manCommand, watchCommand,
  letBuiltin, local, returnBuiltin, shift, set, source, declareBuiltin, typeset, evalBuiltin, command, mapfile, readarray,
  base64, cut, tr, seq, yes, uniq, nl, basename, dirname, realpath, envsubst, xargs, find, diff, sed,
  awk, mawk, jq, jobsBuiltin, fg, bg, disown, wait, kill,
];
