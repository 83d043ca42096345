// Tab completion from specs whose arguments and flag values name things in the world: the
// completer is asked with the world, the arguments before the word and the flags typed so far.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { gnu, type Dialect } from '../../../../../simulators/core/command/dialects';
import type { CommandSpec, CompletionRequest } from '../../../../../simulators/core/command/spec';
import type { World } from '../../../../../simulators/world';

const pflag: Dialect = { ...gnu, id: 'pflag', longPrefixes: false, shortEquals: true, dashHIsHelp: true, goValues: true };

function setup() {
  const asked: CompletionRequest[] = [];
  // Names from the world (here the shell's variables stand in for pods), recorded as asked.
  const pods = (request: CompletionRequest) => {
    asked.push(request);
    const world = request.world() as World;
    return Object.keys(world.shell.vars).filter((v) => v.startsWith('POD_')).map((v) => world.shell.vars[v]);
  };
  const kube: CommandSpec = {
    name: 'kube',
    summary: 'a kubectl-shaped test command',
    dialect: pflag,
    persistentFlags: [
      { long: 'namespace', short: 'n', type: 'string', description: 'namespace', complete: () => ['default', 'kube-system'] },
      { long: 'context', type: 'string', description: 'context' },
    ],
    subcommands: [
      {
        name: 'logs',
        summary: 'Print the logs',
        dialect: pflag,
        flags: [
          { long: 'follow', short: 'f', type: 'bool', description: 'follow' },
          { long: 'container', short: 'c', type: 'string', description: 'container', complete: pods },
        ],
        args: [{ name: 'POD', complete: pods }],
      },
      { name: 'exec', summary: 'Execute', dialect: pflag, args: [{ name: 'POD', complete: pods }, { name: 'COMMAND', variadic: true, complete: ['--all', 'ls'] }] },
    ],
  };
  const session = createSession({}, [kube]);
  session.run('POD_A=web-7d4b9 POD_B=web-x2k8q POD_C="db 0"; export POD_A POD_B POD_C');
  return { session, asked, complete: (line: string) => session.complete(line, line.length) };
}

describe('completers that read the world', () => {
  it('offer what the world holds, escaped, and hear the arguments and flags typed before the word', () => {
    const { complete, asked } = setup();
    expect(complete('kube logs -f -n dev w')).toEqual({ insert: 'eb-', candidates: ['web-7d4b9', 'web-x2k8q'] });
    expect([asked[0].args, asked[0].flags]).toEqual([[], { follow: true, namespace: 'dev' }]);
    expect(complete('kube logs web-7 -c d')).toEqual({ insert: 'b\\ 0 ', candidates: ['db 0'] });
    expect([asked[1].args, asked[1].flags]).toEqual([['web-7'], {}]);
  });

  it('complete flag values after a space or an =, inherited flags included', () => {
    const { complete } = setup();
    expect(complete('kube logs -n k')).toEqual({ insert: 'ube-system ', candidates: ['kube-system'] });
    expect(complete('kube logs --namespace=k')).toEqual({ insert: 'ube-system ', candidates: ['kube-system'] });
    expect(complete('kube logs --na')).toEqual({ insert: 'mespace ', candidates: ['--namespace'] });
    expect(complete('kube logs --')).toEqual({ insert: '', candidates: ['--container', '--context', '--follow', '--help', '--namespace'] });
  });

  it('read words after -- as arguments, never as flags', () => {
    const { complete } = setup();
    expect(complete('kube exec web-7d4b9 -- --a')).toEqual({ insert: 'll ', candidates: ['--all'] });
    expect(complete('kube exec -- w').candidates).toEqual(['web-7d4b9', 'web-x2k8q']);
  });
});
