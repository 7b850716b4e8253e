export interface Docker26Programs {
  readonly dockerd: string;
  readonly containerd: string;
  readonly docker: string;
  readonly path: readonly string[];
}
export declare const DOCKER26_SUITE: string;
export declare const DOCKER26_PACKAGES: readonly string[];
export declare function docker26Cache(root: string): string;
export declare function docker26Programs(cache: string): Docker26Programs;
export declare function prepareDocker26(cache: string): { ok: true; programs: Docker26Programs } | { ok: false; message: string };
