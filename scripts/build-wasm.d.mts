// Types of build-wasm.mjs, for the test that checks row-scan-wasm.ts is up to date.
export function compileRowScan(): Promise<string>;
export function rowScanSource(base64: string): string;
