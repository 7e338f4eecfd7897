// Promise forms of the node:fs calls that reading logs makes. node:fs/promises offers them, but
// loading it (with the readline and file-watching modules it requires) cost every command ~1 ms
// of start-up; the callback API is loaded with Node. Writing (--out, init) still uses fs/promises,
// loaded when it writes.
import fs, { type Dirent, type Stats } from 'node:fs';

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void) {
  return (error: NodeJS.ErrnoException | null, value: T) => (error ? reject(error) : resolve(value));
}

/** Opens a file to read; the descriptor. */
export function openToRead(file: string): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, 'r', settle(resolve, reject)));
}

/** Reads into `buffer[0, length)` from the file's current position; the bytes read (0 at its end). */
export function readFrom(fd: number, buffer: Buffer, length: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, null, settle(resolve, reject)));
}

export function closeFile(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.close(fd, (error) => (error ? reject(error) : resolve())));
}

export function readText(file: string): Promise<string> {
  return new Promise((resolve, reject) => fs.readFile(file, 'utf8', settle(resolve, reject)));
}

export function statOf(file: string): Promise<Stats> {
  return new Promise((resolve, reject) => fs.stat(file, settle(resolve, reject)));
}

/** Every entry below a folder, at any depth. */
export function entriesBelow(folder: string): Promise<Dirent[]> {
  return new Promise((resolve, reject) => fs.readdir(folder, { recursive: true, withFileTypes: true }, settle(resolve, reject)));
}
