import { execFileSync } from 'node:child_process';

/** CLI tests run the built command as a user would: build it once before the suite. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
