import { describe, expect, it } from 'vitest';
import { nanoInput, nanoWriteResult } from '../../../../../simulators/shell/nano';
import { KEY, open, see, type } from './helpers';

const WRITE_1 = '^G Help             M-D DOS Format      M-A Append          M-B Backup File';
const WRITE_2 = '^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse';

describe('nano ^O: File Name to Write', () => {
  it('opens the prompt with the file name and its own shortcuts', async () => {
    const { state } = type(open('text\n'), KEY.ctrlO);
    expect(state.mode).toBe('write-prompt');
    const seen = await see(state);
    expect(seen.rows[21]).toBe('File Name to Write: notes.txt');
    expect(seen.inverse(21, 0) && seen.inverse(21, 79)).toBe(true); // the whole bar
    expect(seen.rows[22]).toBe(WRITE_1);
    expect(seen.rows[23]).toBe(WRITE_2);
    expect(seen.cursor).toEqual({ row: 21, col: 29 });
  });

  it('writes on Enter, then reports and clears Modified', async () => {
    let step = type(open('a\n'), 'b', KEY.ctrlO, KEY.enter);
    expect(step.effects).toEqual([
      { type: 'write', path: '/home/learner/notes.txt', displayName: 'notes.txt', content: 'ba\n' },
    ]);
    expect(step.state.mode).toBe('writing');
    step = nanoWriteResult(step.state, { ok: true });
    expect(step.effects).toEqual([]);
    expect(step.state.modified).toBe(false);
    expect(step.state.mode).toBe('editing');
    const seen = await see(step.state);
    expect(seen.rows[21].trim()).toBe('[ Wrote 1 line ]');
    expect(seen.rows[0]).not.toContain('Modified');
  });

  it('shows a failed write as an error and stays modified', async () => {
    const step = type(open('a\n'), 'b', KEY.ctrlO, KEY.enter);
    const after = nanoWriteResult(step.state, { ok: false, error: 'Permission denied' });
    expect(after.state.modified).toBe(true);
    expect(after.state.status).toEqual({ text: 'Error writing notes.txt: Permission denied', alert: true });
    const seen = await see(after.state);
    const text = seen.rows[21];
    expect(text.trim()).toBe('[ Error writing notes.txt: Permission denied ]');
    expect(seen.red(21, text.indexOf('Error'))).toBe(true);
  });

  it('lets the name be edited before writing under it', () => {
    const step = type(open('x\n', { displayName: '', path: '', cwd: '/home/learner' }), KEY.ctrlO, 'draft.txt', KEY.enter);
    expect(step.effects).toEqual([
      { type: 'write', path: '/home/learner/draft.txt', displayName: 'draft.txt', content: 'x\n' },
    ]);
    const after = nanoWriteResult(step.state, { ok: true });
    expect(after.state.displayName).toBe('draft.txt');
    expect(after.state.path).toBe('/home/learner/draft.txt');
  });

  it('edits the name with Backspace, arrows, Home/End and Delete', () => {
    const { state } = type(open('x\n'), KEY.ctrlO, KEY.backspace.repeat(3), 'md', KEY.home, 'my-', KEY.end, KEY.left, KEY.del);
    expect(state.prompt?.answer).toBe('my-notes.m');
  });

  it('asks before saving a named buffer under a different name', async () => {
    let step = type(open('x\n'), KEY.ctrlO, KEY.backspace.repeat(9), 'other.txt', KEY.enter);
    expect(step.effects).toEqual([]);
    expect(step.state.mode).toBe('yesno');
    expect((await see(step.state)).rows[21]).toBe('Save file under DIFFERENT NAME?');

    step = type(step.state, 'n'); // back to the prompt, the typed name kept
    expect(step.state.mode).toBe('write-prompt');
    expect(step.state.prompt?.answer).toBe('other.txt');

    step = type(step.state, KEY.enter, 'y');
    expect(step.effects).toEqual([
      { type: 'write', path: '/home/learner/other.txt', displayName: 'other.txt', content: 'x\n' },
    ]);
  });

  it('resolves relative, ./ and ~ names against the working and home directories', () => {
    const base = open('x\n', { displayName: '', path: '', cwd: '/srv/app', home: '/home/learner' });
    const write = (name: string) => type(base, KEY.ctrlO, name, KEY.enter).effects[0];
    expect(write('a.txt')).toMatchObject({ path: '/srv/app/a.txt', displayName: 'a.txt' });
    expect(write('./conf/../b.txt')).toMatchObject({ path: '/srv/app/b.txt' });
    expect(write('/etc/motd')).toMatchObject({ path: '/etc/motd' });
    expect(write('~/c.txt')).toMatchObject({ path: '/home/learner/c.txt', displayName: '/home/learner/c.txt' });
  });

  it('cancels with ^C, and on an empty name', async () => {
    let { state } = type(open('x\n'), 'y', KEY.ctrlO, KEY.ctrlC);
    expect(state.mode).toBe('editing');
    expect((await see(state)).rows[21].trim()).toBe('[ Cancelled ]');
    expect(state.modified).toBe(true);
    ({ state } = type(open('x\n', { displayName: '', path: '' }), KEY.ctrlO, KEY.enter));
    expect(state.status?.text).toBe('Cancelled');
  });

  it('toggles DOS format with M-D', async () => {
    const step = type(open('a\n'), KEY.ctrlO, '\x1bd');
    expect((await see(step.state)).rows[21]).toBe('File Name to Write [DOS Format]: notes.txt');
    const written = type(step.state, KEY.enter).effects[0];
    expect(written).toMatchObject({ content: 'a\r\n' });
  });

  it('keeps keys that arrive while a write is pending, and replays them', () => {
    const step = type(open('a\n'), `${KEY.ctrlO}${KEY.enter}more`);
    expect(step.state.lines[0]).toBe('a');
    const after = nanoWriteResult(step.state, { ok: true });
    expect(after.state.lines[0]).toBe('morea');
    expect(after.state.modified).toBe(true);
  });

  it('saves without a prompt on ^S', () => {
    const step = type(open('a\n'), 'b', KEY.ctrlS);
    expect(step.effects).toEqual([
      { type: 'write', path: '/home/learner/notes.txt', displayName: 'notes.txt', content: 'ba\n' },
    ]);
  });

  it('ignores a write result nobody asked for', () => {
    const state = open('a\n');
    expect(nanoWriteResult(state, { ok: true })).toEqual({ state, effects: [] });
  });
});

describe('nano ^X: Exit', () => {
  it('exits straight away when nothing changed', () => {
    const step = type(open('a\n'), KEY.ctrlX);
    expect(step.effects).toEqual([{ type: 'exit' }]);
    expect(step.state.mode).toBe('exited');
    expect(nanoInput(step.state, 'more').state).toBe(step.state);
  });

  it('asks "Save modified buffer?" with Y/N/^C help lines', async () => {
    const { state, effects } = type(open('a\n'), 'b', KEY.ctrlX);
    expect(effects).toEqual([]);
    const seen = await see(state);
    expect(seen.rows[21]).toBe('Save modified buffer?');
    expect(seen.inverse(21, 79)).toBe(true);
    expect(seen.rows[22]).toBe(' Y Yes');
    expect(seen.rows[23]).toBe(' N No           ^C Cancel');
    expect(seen.inverse(22, 1)).toBe(true);
    expect(seen.cursor).toEqual({ row: 21, col: 22 });
  });

  it('on N exits without saving', () => {
    const step = type(open('a\n'), 'b', KEY.ctrlX, 'N');
    expect(step.effects).toEqual([{ type: 'exit' }]);
  });

  it('on Y asks for the name, writes, and exits once the write succeeded', () => {
    let step = type(open('a\n'), 'b', KEY.ctrlX, 'y');
    expect(step.state.mode).toBe('write-prompt');
    step = type(step.state, KEY.enter);
    expect(step.effects).toEqual([
      { type: 'write', path: '/home/learner/notes.txt', displayName: 'notes.txt', content: 'ba\n' },
    ]);
    const after = nanoWriteResult(step.state, { ok: true });
    expect(after.effects).toEqual([{ type: 'exit' }]);
    expect(after.state.mode).toBe('exited');
  });

  it('stays open when that write fails', () => {
    const step = type(open('a\n'), 'b', KEY.ctrlX, 'y', KEY.enter);
    const after = nanoWriteResult(step.state, { ok: false, error: 'No space left on device' });
    expect(after.effects).toEqual([]);
    expect(after.state.mode).toBe('editing');
    expect(after.state.status?.text).toBe('Error writing notes.txt: No space left on device');
  });

  it('cancels with ^C, at the question or at the name', () => {
    let { state, effects } = type(open('a\n'), 'b', KEY.ctrlX, KEY.ctrlC);
    expect([state.mode, state.status?.text, effects.length]).toEqual(['editing', 'Cancelled', 0]);
    ({ state, effects } = type(open('a\n'), 'b', KEY.ctrlX, 'y', KEY.ctrlC));
    expect([state.mode, state.status?.text, effects.length]).toEqual(['editing', 'Cancelled', 0]);
  });

  it('ignores other keys at the question', () => {
    const { state } = type(open('a\n'), 'b', KEY.ctrlX, 'q', KEY.enter, KEY.down);
    expect(state.mode).toBe('yesno');
  });

  it('handles the whole exchange arriving in one chunk', () => {
    const step = type(open('a\n'), `b${KEY.ctrlX}y${KEY.enter}`);
    expect(step.effects.map((e) => e.type)).toEqual(['write']);
  });
});
