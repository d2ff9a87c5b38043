// Types of compile-kernels.mjs, for the unit test that checks the generated modules are current.
export interface KernelSource {
  /** The .wat file. */
  wat: string;
  /** The TypeScript module it compiles into. */
  module: string;
  /** The name of the constant that module exports. */
  constant: string;
}

export const kernelsDir: string;
export function kernelSources(): KernelSource[];
export function compiledModuleText(source: KernelSource): Promise<string>;
