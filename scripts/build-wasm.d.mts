// Types of build-wasm.mjs, for the test that checks field-index-wasm.ts is up to date.
export function compileFieldIndex(): Promise<string>;
export function fieldIndexSource(base64: string): string;
