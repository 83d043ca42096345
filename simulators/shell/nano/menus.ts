// The shortcut lists nano shows on its two bottom rows, in nano 7.2's order, and how nano spreads
// them over the width of the terminal (bottombars() and shown_entries_for()).

export interface Shortcut {
  /** The key as nano labels it ("^G", "M-D"); empty for a function without a key here. */
  key: string;
  tag: string;
}

export interface Menu {
  items: readonly Shortcut[];
  /**
   * nano counts the Write Out menu's "Discard buffer" entry (which has no key unless
   * --saveonexit is used) and then takes one off, so the grid still comes out even.
   */
  dropOne: boolean;
}

const s = (key: string, tag: string): Shortcut => ({ key, tag });

/** The main editing menu. Wider terminals show more of it: 12 entries at 80 columns. */
export const MAIN_MENU: Menu = {
  dropOne: false,
  items: [
    s('^G', 'Help'), s('^X', 'Exit'), s('^O', 'Write Out'), s('^R', 'Read File'),
    s('^W', 'Where Is'), s('^\\', 'Replace'), s('^K', 'Cut'), s('^U', 'Paste'),
    s('^T', 'Execute'), s('^J', 'Justify'), s('^C', 'Location'), s('^/', 'Go To Line'),
    s('M-U', 'Undo'), s('M-E', 'Redo'), s('M-A', 'Set Mark'), s('M-6', 'Copy'),
    s('M-]', 'To Bracket'), s('^Q', 'Where Was'), s('M-Q', 'Previous'), s('M-W', 'Next'),
    s('^B', 'Back'), s('^F', 'Forward'), s('^\u25c2', 'Prev Word'), s('^\u25b8', 'Next Word'),
    s('^A', 'Home'), s('^E', 'End'), s('^P', 'Prev Line'), s('^N', 'Next Line'),
    s('M-\u25b4', 'Scroll Up'), s('M-\u25be', 'Scroll Down'), s('^\u25b4', 'Prev Block'),
    s('^\u25be', 'Next Block'), s('M-(', 'Begin of Paragr.'), s('M-)', 'End of Paragraph'),
    s('^Y', 'Prev Page'), s('^V', 'Next Page'), s('M-\\', 'First Line'), s('M-/', 'Last Line'),
    s('M-\u25c2', 'Prev File'), s('M-\u25b8', 'Next File'), s('^I', 'Tab'), s('^M', 'Enter'),
    s('^H', 'Backspace'), s('^D', 'Delete'), s('M-Bsp', 'Chop Left'), s('^Del', 'Chop Right'),
    s('M-T', 'Cut Till End'), s('M-J', 'Full Justify'), s('M-D', 'Word Count'),
    s('M-V', 'Verbatim'), s('^L', 'Refresh'), s('^Z', 'Suspend'),
  ],
};

/** "File Name to Write:" */
export const WRITE_MENU: Menu = {
  dropOne: true,
  items: [
    s('^G', 'Help'), s('^C', 'Cancel'), s('M-D', 'DOS Format'), s('M-M', 'Mac Format'),
    s('M-A', 'Append'), s('M-P', 'Prepend'), s('M-B', 'Backup File'), s('^T', 'Browse'),
    s('', 'Discard buffer'),
  ],
};

/** The help viewer. */
export const HELP_MENU: Menu = {
  dropOne: false,
  items: [
    s('^L', 'Refresh'), s('^X', 'Close'), s('^W', 'Where Is'), s('^Q', 'Where Was'),
    s('M-Q', 'Previous'), s('M-W', 'Next'), s('^P', 'Prev Line'), s('^N', 'Next Line'),
    s('^Y', 'Prev Page'), s('^V', 'Next Page'), s('M-\\', 'First Line'), s('M-/', 'Last Line'),
  ],
};

/** A shortcut placed on one of the two help rows, with the columns it may use. */
export interface PlacedShortcut {
  line: 0 | 1;
  col: number;
  width: number;
  key: string;
  tag: string;
}

/** nano's layout: items fill columns top to bottom, then left to right, in equal widths. */
export function placeMenu(menu: Menu, cols: number): PlacedShortcut[] {
  const maximum = Math.floor((cols + 40) / 20) * 2;
  let number = Math.min(maximum, menu.items.length);
  if (menu.dropOne) number--;
  if (number <= 0) return [];
  const itemWidth = Math.floor(cols / Math.floor((number + 1) / 2));
  if (itemWidth === 0) return [];

  const placed: PlacedShortcut[] = [];
  let index = 0;
  for (const item of menu.items) {
    if (index >= number) break;
    if (item.key === '') continue;
    let width = itemWidth;
    // With an odd count the second-to-last item may take two slots; the last two get the slack.
    if (number % 2 === 1 && index + 2 === number) width += itemWidth;
    if (index + 2 >= number) width += cols % itemWidth;
    placed.push({
      line: (index % 2) as 0 | 1,
      col: Math.floor(index / 2) * itemWidth,
      width,
      key: item.key,
      tag: item.tag,
    });
    index++;
  }
  return placed;
}

/** The Y/N question's help lines: " Y Yes", " N No" and "^C Cancel", 16 columns apart. */
export function placeYesNo(cols: number): PlacedShortcut[] {
  const width = cols < 32 ? Math.floor(cols / 2) : 16;
  return [
    { line: 0, col: 0, width, key: ' Y', tag: 'Yes' },
    { line: 1, col: 0, width, key: ' N', tag: 'No' },
    { line: 1, col: width, width, key: '^C', tag: 'Cancel' },
  ];
}
