import { execFileSync } from 'node:child_process';

// The browser tests exercise the built web app, so make sure dist/web is current.
export default function setup() {
  execFileSync('npx', ['tsx', 'scripts/ensure-web-build.ts'], { stdio: 'inherit' });
}
