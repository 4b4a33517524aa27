// Types of scripts/provision.mjs (plain ESM, no build step) for its TypeScript callers and tests.
export interface Part {
  name: string;
  /** Ties the part to SDI_BROWSERS (chromium, firefox, webkit); absent: always needed. */
  engine?: string;
  paths: string[];
  packages: string[];
  noRecommends?: boolean;
}

export interface Component {
  purpose: string;
  parts: Part[];
}

export declare const COMPONENTS: Record<'browsers' | 'wordpress', Component>;

export type AptRunner = (args: string[]) => Promise<{ status: number; output: string }>;

export interface ProvisionOptions {
  exists?: (path: string) => boolean;
  uid?: number;
  apt?: AptRunner;
  log?: (line: string) => void;
  env?: Record<string, string | undefined>;
}

export declare class ProvisionError extends Error {}

export declare function ensure(names: string[], options?: ProvisionOptions): Promise<{ installed: string[] }>;

export declare function ensureOrExit(names: string[], options?: ProvisionOptions): Promise<{ installed: string[] }>;
