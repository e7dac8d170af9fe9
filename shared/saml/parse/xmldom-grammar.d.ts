/** The one internal of @xmldom/xmldom 0.9 that parse/xmldom-speedup.ts touches (untyped upstream). */
declare module '@xmldom/xmldom/lib/grammar.js' {
  const grammar: { reg: (...parts: Array<RegExp | string>) => RegExp };
  export default grammar;
}
