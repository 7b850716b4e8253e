export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_STAMP: string;
export declare function buildIsStale(facts: { newestSourceMs: number; builtAtMs: number | undefined }): boolean;
export declare function buildFacts(root: string): { newestSourceMs: number; builtAtMs: number | undefined };
