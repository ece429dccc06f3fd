/** Just enough of an OLE compound file header and directory for content sniffing tests. */
export function cfbWithStream(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const directoryEntry = 1024;
  for (let index = 0; index < streamName.length; index++) {
    bytes[directoryEntry + index * 2] = streamName.charCodeAt(index);
  }
  return bytes;
}
