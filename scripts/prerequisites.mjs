// Finds or installs what Parkbridge needs beyond npm: Java for DynamoDB Local, Chromium for the
// browser tests. Installs with apt-get where it can (root, Debian); otherwise says what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd, args = ['--version']) => {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

function aptInstall(pkg, why) {
  const canApt = has('apt-get', ['--version']) && process.getuid?.() === 0;
  if (!canApt) {
    console.error(`\n${why}\nInstall it with: sudo apt-get update && sudo apt-get install -y ${pkg}\n`);
    process.exit(1);
  }
  console.log(`[prerequisites] installing ${pkg} with apt-get (${why.split('\n')[0]})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
  if (update.status !== 0 || install.status !== 0) {
    console.error(
      `\nCould not install ${pkg}. ${why}\nInstall it by hand: apt-get update && apt-get install -y ${pkg}\n`,
    );
    process.exit(1);
  }
}

export function ensureJava() {
  if (has('java', ['-version'])) return;
  aptInstall(
    'openjdk-17-jre-headless',
    'DynamoDB Local needs Java 17 or newer, and `java` is not on the PATH.',
  );
}

export const CHROMIUM = process.env.PARKBRIDGE_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  aptInstall('chromium', `The browser tests drive Chromium at ${CHROMIUM}, and it is not installed.`);
}

/** Without a Chinese font Chromium draws every Han character as a box in the zh screenshots. */
export function ensureChineseFont() {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (!fonts.error && fonts.stdout.trim()) return;
  aptInstall(
    'fonts-wqy-microhei',
    'The browser tests take screenshots in Chinese, and no font on this machine has Chinese characters.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureJava();
  if (process.argv.includes('--browser')) {
    ensureChromium();
    ensureChineseFont();
  }
  console.log(`[prerequisites] Java${process.argv.includes('--browser') ? ' and Chromium' : ''} present.`);
}
