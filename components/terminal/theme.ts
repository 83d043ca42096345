import type { ITheme } from '@xterm/xterm';

/** Tango, the palette of GNOME Terminal and so of most Ubuntu screenshots learners will meet. */
export const TERMINAL_THEME: ITheme = {
  background: '#0d1117',
  foreground: '#e5e7eb',
  cursor: '#e5e7eb',
  selectionBackground: '#3b4252',
  black: '#2e3436',
  red: '#cc0000',
  green: '#4e9a06',
  yellow: '#c4a000',
  blue: '#3465a4',
  magenta: '#75507b',
  cyan: '#06989a',
  white: '#d3d7cf',
  brightBlack: '#888a85',
  brightRed: '#ef2929',
  brightGreen: '#8ae234',
  brightYellow: '#fce94f',
  brightBlue: '#729fcf',
  brightMagenta: '#ad7fa8',
  brightCyan: '#34e2e2',
  brightWhite: '#eeeeec',
};
