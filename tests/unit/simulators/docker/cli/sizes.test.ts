// --memory sizes read as the docker 28 client reads them (go-units RAMInBytes); the refusals are
// the real client's words, captured on this machine (it refuses before it needs a daemon).
import { describe, expect, it } from 'vitest';
import { ramInBytes } from '../../../../../simulators/docker/cli/sizes';

describe('ramInBytes', () => {
  it('reads the forms the client accepts', () => {
    const MIB = 1024 * 1024;
    expect(['256m', '256M', '256mb', '256MB', '256MiB', '256mib', '256 m', '268435456', '268435456b', '0.25g'].map((v) => ramInBytes(v))).toEqual(Array(10).fill({ ok: true, bytes: 256 * MIB }));
    expect(ramInBytes('1.5g')).toEqual({ ok: true, bytes: 1.5 * 1024 * MIB });
  });

  it('refuses in the client’s words', () => {
    expect(ramInBytes('256mi')).toEqual({ ok: false, error: "invalid suffix: 'mi'" });
    expect(ramInBytes('256x')).toEqual({ ok: false, error: "invalid suffix: 'x'" });
    expect(ramInBytes('-5')).toEqual({ ok: false, error: "invalid size: '-5'" });
    expect(ramInBytes('abc')).toEqual({ ok: false, error: "invalid size: 'abc'" });
    expect(ramInBytes('0x10')).toEqual({ ok: false, error: 'strconv.ParseFloat: parsing "0x10": invalid syntax' });
  });
});
