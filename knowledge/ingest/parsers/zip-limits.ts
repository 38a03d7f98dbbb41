/**
 * Guards against zip bombs before a DOCX is unpacked: reads the ZIP central directory and refuses
 * archives whose declared uncompressed size or compression ratio is implausible for an office document.
 */

/** Limits for office documents. */
export const zipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxEntries: 5_000, maxRatio: 200 } as const;

const endOfCentralDirectory = 0x06054b50;
const centralEntry = 0x02014b50;

/** Why the archive is refused, or undefined when it looks sane. */
export function zipProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === endOfCentralDirectory) {
      end = offset;
      break;
    }
  }
  if (end < 0) return 'not a ZIP archive (no central directory)';
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > zipLimits.maxEntries) return `too many files in the archive (${entries})`;
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== centralEntry) return 'damaged ZIP central directory';
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'ZIP64 archives are not accepted for office documents';
    total += uncompressed;
    if (total > zipLimits.maxUncompressedBytes) return `archive unpacks to more than ${zipLimits.maxUncompressedBytes / 1024 / 1024} MB (zip bomb?)`;
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(1, compressed) > zipLimits.maxRatio) return `implausible compression ratio ${Math.round(uncompressed / Math.max(1, compressed))}:1 (zip bomb?)`;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return undefined;
}
