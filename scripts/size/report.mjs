// Prints raw / gzip / brotli sizes of every JavaScript file the browser build writes.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export function measure(code) {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function sizeReport() {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      const rows = Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((file) => ({ file: file.fileName, ...measure(file.code) }))
        .sort((a, b) => a.file.localeCompare(b.file));
      const pad = (value, width) => String(value).padStart(width);
      console.log(`\n${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
      for (const row of rows) {
        console.log(`${row.file.padEnd(44)}${pad(row.raw, 10)}${pad(row.gzip, 10)}${pad(row.brotli, 10)}`);
      }
    },
  };
}
