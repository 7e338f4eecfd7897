import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotBeTerminal, deviceMajor } from '../../src/io/std-output.js';

/** A Linux device number as glibc's makedev builds it. */
function makedev(major: number, minor: number): number {
  return (major & 0xfff) * 0x100 + (major - (major & 0xfff)) * 0x100000000 + (minor & 0xff) + (minor - (minor & 0xff)) * 0x1000;
}

describe('deviceMajor', () => {
  it.each([
    [1, 3], // /dev/null
    [1, 7], // /dev/full
    [4, 1], // /dev/tty1
    [136, 5], // /dev/pts/5
    [5, 0], // /dev/tty
    [0x1001, 0x12345], // a major number beyond 12 bits, a minor beyond 8
  ])('reads major %i of device (%i, minor %i)', (major, minor) => {
    expect(deviceMajor(makedev(major, minor))).toBe(major);
  });
});

describe.runIf(process.platform === 'linux')('cannotBeTerminal on Linux', () => {
  const withFd = (file: string, test: (fd: number) => void) => {
    const fd = openSync(file, 'r');
    try {
      test(fd);
    } finally {
      closeSync(fd);
    }
  };

  it('is sure of /dev/null and /dev/zero, memory devices', () => {
    withFd('/dev/null', (fd) => expect(cannotBeTerminal(fd)).toBe(true));
    withFd('/dev/zero', (fd) => expect(cannotBeTerminal(fd)).toBe(true));
  });

  it('is sure of a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transparency-std-'));
    try {
      writeFileSync(path.join(dir, 'out.txt'), '');
      withFd(path.join(dir, 'out.txt'), (fd) => expect(cannotBeTerminal(fd)).toBe(true));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a closed descriptor to node:tty', () => {
    const fd = openSync('/dev/null', 'r');
    closeSync(fd);
    expect(cannotBeTerminal(fd)).toBe(false);
  });

  it('leaves every descriptor to node:tty elsewhere than Linux', () => {
    withFd('/dev/null', (fd) => expect(cannotBeTerminal(fd, 'darwin')).toBe(false));
  });
});
