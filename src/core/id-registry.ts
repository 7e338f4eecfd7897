// Request ids seen so far, to find the same request twice across files. The only state that grows
// with the number of rows; kept behind this interface so that it can be made compact.

export interface Location {
  file: string;
  line: number;
}

export type IdCheck =
  | { kind: 'new' }
  | { kind: 'duplicate'; first: Location } // same id, same content
  | { kind: 'conflict'; first: Location }; // same id, different content

export interface IdRegistry {
  check(id: string, signature: string, at: Location): IdCheck;
}

export function createIdRegistry(): IdRegistry {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const seen = new Map<string, { signature: string; file: number; line: number }>();
  return {
    check(id, signature, at) {
      const previous = seen.get(id);
      if (previous) {
        const first = { file: files[previous.file]!, line: previous.line };
        return previous.signature === signature ? { kind: 'duplicate', first } : { kind: 'conflict', first };
      }
      let file = fileIndex.get(at.file);
      if (file === undefined) {
        file = files.push(at.file) - 1;
        fileIndex.set(at.file, file);
      }
      seen.set(id, { signature, file, line: at.line });
      return { kind: 'new' };
    },
  };
}
