declare namespace App {
  interface Locals {
    /** Set by a story page before its MDX renders; read by <Fig> and <Chart>. */
    story?: {
      file: string;
      lang: import('#/i18n/format.ts').Lang;
      figures: Map<string, import('#/stories/binding.ts').ResolvedFigure>;
      pins: Record<string, string>;
    };
  }
}
