export interface SystemPackage {
  readonly name: string;
  readonly provides: string;
  readonly check: { readonly command?: string; readonly dpkg?: string; readonly file?: string };
}
export type SystemPackagesPlan =
  | { readonly action: 'run' }
  | { readonly action: 'install'; readonly packages: readonly string[] }
  | { readonly action: 'stop'; readonly packages: readonly string[]; readonly reason: 'not-root' | 'no-apt-get' | 'install-failed' };
export declare const SYSTEM_PACKAGES: readonly SystemPackage[];
export declare function systemPackagesPlan(facts: { missing: readonly string[]; isRoot: boolean; hasAptGet: boolean; installTried?: boolean }): SystemPackagesPlan;
export declare function stopMessage(plan: Extract<SystemPackagesPlan, { action: 'stop' }>): string;
export declare function missingSystemPackages(): string[];
export declare function canInstall(): { isRoot: boolean; hasAptGet: boolean; installTried?: boolean };
