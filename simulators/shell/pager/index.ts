// less as a pure state machine (keys in, screen out), and more, its older cousin that scrolls the
// terminal itself:
//
//   let state = openPager([documentOf('notes.txt', text)], { cols, rows });
//   write(ENTER_ALT_SCREEN + renderPager(state));
//   on input: state = pagerInput(state, data, budget); write(renderPager(state));
//   when state.mode is 'exited': write(LEAVE_PAGER) and hand the terminal back to the shell.
export { documentOf, type PagerDocument } from './document';
export { openPager, pagerInput, type PagerOptions, type PagerState } from './pager';
export { renderPager } from './render';
export { SHORT_PROMPT } from './prompt';
export { ENTER_PAGER, LEAVE_PAGER } from './screen';
export { pageOnTerminal } from './terminal';
