/**
 * @xmldom/xmldom 0.9.12 builds a new Unicode RegExp from the grammar for every end tag it reads
 * (`g.reg('^', g.QName_group, g.S_OPT, '$')` in lib/sax.js), which makes compiling that pattern
 * and collecting the garbage about a quarter of the time spent on a 20,000-value response.
 * `reg` is a pure function of its arguments, which are grammar constants, and its patterns carry
 * no `g`/`y` flag (so no lastIndex state): remembering each result changes nothing but the speed.
 * The cache is keyed by argument identity and holds one entry per call site in xmldom.
 */
import grammar from '@xmldom/xmldom/lib/grammar.js';

const MAX_PATTERNS = 64;
const REMEMBERED = Symbol('remembered xmldom grammar pattern');

type PatternTree = Map<unknown, PatternTree | RegExp>;

export function rememberXmldomGrammarPatterns(): boolean {
  const original = grammar.reg;
  if (typeof original !== 'function' || REMEMBERED in original) return false;
  const root: PatternTree = new Map();
  let size = 0;
  const remembered = function (this: unknown, ...parts: Array<RegExp | string>): RegExp {
    let node = root;
    for (const part of parts) {
      let next = node.get(part);
      if (!(next instanceof Map)) {
        next = new Map();
        node.set(part, next);
      }
      node = next;
    }
    const known = node.get(REMEMBERED);
    if (known instanceof RegExp) return known;
    const pattern = original.apply(this, parts);
    if (!pattern.global && !pattern.sticky && size < MAX_PATTERNS) {
      node.set(REMEMBERED, pattern);
      size++;
    }
    return pattern;
  };
  Object.defineProperty(remembered, REMEMBERED, { value: true });
  grammar.reg = remembered;
  return true;
}
