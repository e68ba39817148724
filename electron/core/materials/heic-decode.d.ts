// heic-decode ships no types; this is the part heic.ts uses.
declare module 'heic-decode' {
  type Decoded = { width: number; height: number; data: Uint8ClampedArray };
  function decode(input: { buffer: Uint8Array }): Promise<Decoded>;
  // eslint-disable-next-line no-restricted-exports -- describes the package's own default export
  export default decode;
}
