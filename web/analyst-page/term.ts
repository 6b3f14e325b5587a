/** A legal term in both languages (no DOM here: the Node-side tests read the glossary too). */
export interface Term {
  readonly ja: string;
  readonly en: string;
  /** The article or rule, e.g. `Art. 19-7`. */
  readonly article?: string;
}
