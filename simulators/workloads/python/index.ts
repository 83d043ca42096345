// A small Python 3.12 for what a first containerised script does: assignments, print, f-strings
// and str.format, if/for/while, functions, lists and dicts, os.environ, sys.exit and time.sleep.
// Enough to know what `python app.py` prints and with which exit code, and what a web app's
// routes return; anything outside the subset throws Unsupported, and callers fall back to a
// plainer guess or say so. Any runtime (a Docker container, later a Kubernetes pod) can run it.
export { PyException, SysExit, Unsupported } from './errors';
export { formatSpec, jsonDumps } from './format';
export { Interpreter, isMainTest } from './interpreter';
export type { PyOutcome, PyRunOptions } from './options';
export { parseExpr, parsePython } from './parser';
export { needsMore, pythonRepl, type ReplOptions } from './repl';
export { runPython, traceback } from './run';
export { distInfoPath, installedPython, normalizePy } from './site-packages';
export type { Expr, PyBuiltin, PyDict, PyFunc, PyList, PyModule, PyRange, PyTuple, PyValue, Stmt } from './types';
export { repr, str, truthy, typeName } from './values';
