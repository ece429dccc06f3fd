/** Byte-level damage to a real file: truncation, bit flips, overwritten, zeroed, deleted and duplicated ranges. */
import fc from 'fast-check';
import { positionIn, type Range } from './corpus';

export type ByteMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'overwrite'; at: number; bytes: number[] }
  | { kind: 'zero'; at: number; length: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

const position = fc.nat({ max: 0x7fffffff });
/** Bytes that mean something to a zip or PDF parser, besides random ones. */
const interestingByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x50, 0x4b, 0x25, 0x0a, 0x0d, 0x3c, 0x3e, 0x2f, 0x28, 0x29, 0x5b, 0x5d),
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('overwrite' as const), at: position, bytes: fc.array(interestingByte, { minLength: 1, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('zero' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 8192 }), to: position }) },
);

/** Applies the mutations in order; positions fall in `ranges` (of the original file) modulo their length. */
export function mutateBytes(original: Uint8Array, ranges: Range[], mutations: ByteMutation[]): Uint8Array {
  let bytes: Uint8Array = original.slice();
  for (const mutation of mutations) {
    const at = Math.min(positionIn(ranges, mutation.at), Math.max(0, bytes.length - 1));
    switch (mutation.kind) {
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'flip':
        if (at < bytes.length) bytes[at] ^= 1 << mutation.bit;
        break;
      case 'overwrite':
        mutation.bytes.forEach((byte, i) => {
          if (at + i < bytes.length) bytes[at + i] = byte;
        });
        break;
      case 'zero':
        bytes.fill(0, at, Math.min(bytes.length, at + mutation.length));
        break;
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + mutation.length)));
        break;
      case 'duplicate': {
        const chunk = bytes.slice(at, Math.min(bytes.length, at + mutation.length));
        const to = bytes.length === 0 ? 0 : mutation.to % bytes.length;
        bytes = concat(bytes.subarray(0, to), chunk, bytes.subarray(to));
        break;
      }
    }
  }
  return bytes;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
