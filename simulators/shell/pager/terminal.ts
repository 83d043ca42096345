// The pager on a command's terminal: the alternate screen while it runs, keys read raw (so q and
// ^C reach it, not the shell), and the shell's screen back when it quits, however it ends.
import { workBudget } from '../../core/budget';
import { takeTerminal, type CommandContext, type Effect } from '../../core/process';
import type { PagerDocument } from './document';
import { fitsOnScreen, openPager, pagerInput, type PagerOptions, type PagerState } from './pager';
import { renderPager } from './render';
import { ENTER_PAGER, LEAVE_PAGER } from './screen';

/**
 * Shows `docs` until the learner quits (or input ends). `start` are keys run before the first
 * screen is drawn, as less runs a `+G` or `+/pattern` from its command line.
 */
export function* pageOnTerminal(ctx: CommandContext, docs: readonly PagerDocument[], options: Omit<PagerOptions, 'cols' | 'rows'>, start = ''): Generator<Effect, number, string | null> {
  const tty = ctx.tty ?? { cols: 80, rows: 24 };
  let state: PagerState = openPager(docs, { ...options, cols: tty.cols, rows: tty.rows });
  if (options.quitIfOneScreen && docs.length === 1 && fitsOnScreen(state)) {
    // -F: nothing to page through, so the text is simply written out.
    ctx.out(docs[0].lines.map((l) => `${l}\n`).join(''));
    return 0;
  }
  const enter = options.noInit ? '' : ENTER_PAGER;
  const leave = options.noInit ? '\r\x1b[K' : LEAVE_PAGER;
  // Each key's work (a search through a long file) has a budget of its own: a pager stays open as
  // long as the learner reads, and no key can freeze it.
  if (start) {
    state = pagerInput(state, start, workBudget());
    // Nothing drawn yet: whatever the keys did, the first screen is a whole one, with the
    // prompt of a file just opened.
    state = { ...state, newFile: true, paint: state.paint === 'full' ? 'full' : 'first' };
  }
  yield* takeTerminal(ctx);
  ctx.screen(enter + renderPager(state, workBudget()));
  try {
    while (state.mode !== 'exited') {
      const data: string | null = yield { type: 'read', raw: true };
      if (data === null) break;
      state = pagerInput(state, data, workBudget());
      if (state.mode !== 'exited') ctx.screen(renderPager(state, workBudget()));
    }
  } finally {
    ctx.screen(leave);
  }
  return 0;
}
