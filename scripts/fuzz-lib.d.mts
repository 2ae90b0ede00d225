// Types of scripts/fuzz-lib.mjs for the TypeScript test that runs it.
import type { AnyFormatModule } from '@ftkit/core';

export declare const PROTO_NAMES: readonly string[];
export declare function loadCorpus(root: string, maxBytes?: number): Map<string, string[]>;
export declare function mutatedText(corpus: readonly string[]): import('fast-check').Arbitrary<string>;
export declare function checkFormat(f: AnyFormatModule, text: string): number;

export interface FuzzRow {
  area: string;
  runs: number;
  failure?: { input?: string; args?: string; error: string };
  slowest: { ms: number; length: number };
}

export declare function fuzzFormats(options: {
  formats: readonly AnyFormatModule[];
  corpus: Map<string, string[]>;
  seed: number;
  budgetMs: number;
  maxRuns?: number;
  onInput?: (format: string, text: string) => void;
}): FuzzRow[];

export interface CliRunResult {
  code: number | null;
  stderr: string;
  ms: number;
  timedOut?: boolean;
  signal?: string | null;
}

export declare const CLI_CASES: Readonly<Record<string, { file: string; runs: string[][] }>>;

export declare function fuzzCli(options: {
  invoke: (args: readonly string[], stdin: string, file: string, text: string) => Promise<CliRunResult>;
  corpus: Map<string, string[]>;
  seed: number;
  budgetMs: number;
  names?: readonly string[];
  maxRuns?: number;
}): Promise<FuzzRow[]>;

export declare function summary(rows: readonly FuzzRow[]): string;
