import { describe, expect, it } from 'vitest';
import { DOCKER_TABLE, formatTable, KUBECTL_TABLE, tabwrite } from '../../../../simulators/core/output/tabwriter';

describe('tabwriter', () => {
  it('pads kubectl columns to the widest cell plus three spaces, last column unpadded', () => {
    const out = formatTable(
      [
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['web-5d8f7c9b4-x7k2p', '1/1', 'Running', '0', '2m'],
        ['web-5d8f7c9b4-q9z8w', '0/1', 'ContainerCreating', '0', '5s'],
      ],
      KUBECTL_TABLE,
    );
    expect(out).toBe(
      'NAME                  READY   STATUS              RESTARTS   AGE\n' +
        'web-5d8f7c9b4-x7k2p   1/1     Running             0          2m\n' +
        'web-5d8f7c9b4-q9z8w   0/1     ContainerCreating   0          5s\n',
    );
  });

  it('never makes a docker column narrower than ten characters', () => {
    const out = formatTable(
      [
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['nginx', 'latest', '4e1b6bae1e48', '2 weeks ago', '192MB'],
      ],
      DOCKER_TABLE,
    );
    expect(out).toBe('REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nnginx        latest    4e1b6bae1e48   2 weeks ago   192MB\n');
  });

  it('aligns a column only across the consecutive lines that have it (Go column blocks)', () => {
    const out = tabwrite('a\tb\tc\nlonger\tx\nno tabs here\nz\ty\n', { minWidth: 0, padding: 1 });
    expect(out).toBe('a      b c\nlonger x\nno tabs here\nz y\n');
  });

  it('counts characters, not bytes, for width', () => {
    expect(formatTable([['ümlaut', 'x'], ['ab', 'y']], { minWidth: 0, padding: 2 })).toBe('ümlaut  x\nab      y\n');
  });

  it('keeps empty cells aligned and handles an empty table', () => {
    expect(formatTable([['A', '', 'C'], ['', 'B', '']], { minWidth: 0, padding: 1 })).toBe('A   C\n  B \n');
    expect(formatTable([], KUBECTL_TABLE)).toBe('');
  });
});
