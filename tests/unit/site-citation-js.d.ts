// Types for the parts of Citation.js (a dev dependency, which ships none) that the citation tests use.
declare module "@citation-js/core" {
  export const plugins: {
    input: {
      chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean }): Record<string, unknown>[];
      type(data: unknown): string;
    };
  };
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-ris";
