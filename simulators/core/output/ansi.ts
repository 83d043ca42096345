// The few ANSI escapes the simulated tools and the line editor use, named so that call sites read
// as intent ("bold", "cursor left 3") rather than as escape soup.

const ESC = '\x1b[';

export const ansi = {
  reset: `${ESC}0m`,
  bold: (s: string) => `${ESC}1m${s}${ESC}22m`,
  dim: (s: string) => `${ESC}2m${s}${ESC}22m`,
  reverse: (s: string) => `${ESC}7m${s}${ESC}27m`,
  red: (s: string) => `${ESC}31m${s}${ESC}39m`,
  green: (s: string) => `${ESC}32m${s}${ESC}39m`,
  yellow: (s: string) => `${ESC}33m${s}${ESC}39m`,
  blue: (s: string) => `${ESC}34m${s}${ESC}39m`,
  cyan: (s: string) => `${ESC}36m${s}${ESC}39m`,
  boldBlue: (s: string) => `${ESC}1;34m${s}${ESC}0m`,
  boldGreen: (s: string) => `${ESC}1;32m${s}${ESC}0m`,
  up: (n = 1) => (n > 0 ? `${ESC}${n}A` : ''),
  down: (n = 1) => (n > 0 ? `${ESC}${n}B` : ''),
  right: (n = 1) => (n > 0 ? `${ESC}${n}C` : ''),
  left: (n = 1) => (n > 0 ? `${ESC}${n}D` : ''),
  /** Moves to column n (1-based) of the current row. */
  column: (n: number) => `${ESC}${n}G`,
  clearToEnd: `${ESC}J`,
  clearLineRight: `${ESC}K`,
  clearScreen: `${ESC}H${ESC}2J`,
};

// CSI sequences, OSC strings and lone escapes: everything a terminal would not show as text.
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI_PATTERN, '');
}
