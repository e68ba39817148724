// subset-font ships no types; this is the part cjk-font.ts uses.
declare module 'subset-font' {
  function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' },
  ): Promise<Buffer>;
  // eslint-disable-next-line no-restricted-exports -- describes the package's own default export
  export default subsetFont;
}
