// Standard output and standard error. A terminal gets Node's stream (it knows the width, and writes
// to a console as it should); a pipe, a file or /dev/null is written by its file descriptor, as a
// small command in a script does not need process.stdout's stream objects: making them (a
// net.Socket for a pipe, with the stream machinery behind it) was ~2.5 ms of a build's start-up.
// Node writes to pipes and files synchronously on Linux too, so the order of what is written is
// the same either way.
import { fstatSync, writeSync } from 'node:fs';
import { describeFsError, IoError } from './io-error.js';

export type StdFd = 1 | 2;

const terminal: Partial<Record<StdFd, boolean>> = {};
const streams: Partial<Record<StdFd, NodeJS.WriteStream>> = {};
/** A descriptor that would not take a write at once (non-blocking, full): written by its stream from then on. */
const viaStream: Partial<Record<StdFd, boolean>> = {};

/**
 * What happens when the reader of a pipe has gone (`transparency build … | head`): that is the
 * reader's choice, not an error; by default the process ends with 0.
 */
let onClosedPipe: () => void = () => process.exit(0);

export function setOnClosedPipe(handler: () => void): void {
  onClosedPipe = handler;
}

export function isTerminal(fd: StdFd): boolean {
  terminal[fd] ??= cannotBeTerminal(fd) ? false : process.getBuiltinModule('node:tty').isatty(fd);
  return terminal[fd];
}

/**
 * What a file status tells without asking the terminal driver: on Linux, a descriptor that is not a
 * character device (a pipe, a file), or is one of the memory devices (major number 1: /dev/null,
 * /dev/zero, /dev/full), is not a terminal. Only the rest are asked through node:tty, whose loading
 * brings net and the stream machinery with it (~2.5 ms of a small command's start).
 */
export function cannotBeTerminal(fd: number, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  let stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false; // node:tty says what a closed descriptor is
  }
  return !stats.isCharacterDevice() || deviceMajor(stats.rdev) === 1;
}

/** The major number of a Linux device number (glibc's gnu_dev_major), without 32-bit overflow. */
export function deviceMajor(rdev: number): number {
  return (Math.floor(rdev / 0x100) & 0xfff) | (Math.floor(rdev / 0x100000000) & ~0xfff);
}

/** The descriptor's Node stream, made on first use, with the closed-pipe handler on it. */
export function streamOf(fd: StdFd): NodeJS.WriteStream {
  let stream = streams[fd];
  if (!stream) {
    stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') onClosedPipe();
      else throw error;
    });
    streams[fd] = stream;
  }
  return stream;
}

/** Writes all of `data`; resolves once it is handed to the system (so that an exit does not cut it). */
export function writeStd(fd: StdFd, data: string | Uint8Array): Promise<void> {
  if (isTerminal(fd) || viaStream[fd]) return writeByStream(fd, data);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') {
      onClosedPipe();
      return Promise.resolve();
    }
    // Nowhere to tell of a standard error that cannot be written; standard output's is the run's.
    if (code !== 'EAGAIN') {
      if (fd === 2) return Promise.resolve();
      throw new IoError(`cannot write standard output: ${describeFsError(error)}`);
    }
    // A non-blocking descriptor that is full: the stream waits until it takes more.
    viaStream[fd] = true;
    return writeByStream(fd, bytes.subarray(done));
  }
  return Promise.resolve();
}

/**
 * Whether nothing written to standard output or error still waits in a stream, so that ending the
 * process now cuts nothing (a terminal, or a full pipe written by its stream, may hold some).
 */
export function nothingPending(): boolean {
  return !streams[1]?.writableLength && !streams[2]?.writableLength;
}

/** Per descriptor, the wait for its stream to drain, while one is pending. */
const draining: (Promise<void> | undefined)[] = [];

function writeByStream(fd: StdFd, data: string | Uint8Array): Promise<void> {
  const stream = streamOf(fd);
  // Writes that come while the stream is full share one wait: a listener each would pass Node's
  // limit of ten (a MaxListenersExceededWarning on standard error) when many diagnostics wait at once.
  if (stream.write(data)) return draining[fd] ?? Promise.resolve();
  return (draining[fd] ??= new Promise((resolve) => {
    stream.once('drain', () => {
      draining[fd] = undefined;
      resolve();
    });
  }));
}
