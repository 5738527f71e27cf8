// `npm start`: builds Loss Lens, installs the VS Code server if needed, and serves the sample workspace with the
// extension installed, at a printed local URL. Keeps running until Ctrl-C.
// usage: node scripts/vscode-server/start.mjs [--port N] [--watch] [--no-open] [--fresh]
//   --watch    rebuild on change (then run "Developer: Reload Window" in the browser)
//   --no-open  do not open Chromium even when a display is available
//   --fresh    forget the previous session's settings, editors and playground state
// env: LOSS_LENS_START_PROFILE=DIR keeps the profile (settings, editors, extensions link) there instead of
//   .vscode-test/start-profile
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { ensureInstalled } from './install.mjs';
import { CACHE, REPO, SAMPLE_WORKSPACE } from './paths.mjs';
import { buildExtension } from './runner.mjs';
import { startServer } from './server.mjs';

const argv = process.argv.slice(2);
const portAt = argv.indexOf('--port');
const port = portAt >= 0 ? Number(argv[portAt + 1]) : undefined;
/** Kept between runs, so the playground's state survives a restart as it does in desktop VS Code. */
const PROFILE = process.env.LOSS_LENS_START_PROFILE ?? join(CACHE, '..', 'start-profile');
/** Added to the profile's settings where it does not set them already (see `--fresh`). */
const SETTINGS = {
  // the first start opens sample-workspace/README.md (what to try); later starts restore the editors left open
  'workbench.startupEditor': 'readme',
};

/** Installs the repository itself as an extension (a link), so any browser tab on the server has it. */
function linkExtension() {
  const { publisher, name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const extensions = join(PROFILE, 'extensions');
  rmSync(extensions, { recursive: true, force: true });
  mkdirSync(extensions, { recursive: true });
  symlinkSync(REPO, join(extensions, `${publisher}.${name}-${version}`), 'dir');
}

async function main() {
  if (!buildExtension()) process.exit(1);
  ensureInstalled();
  if (argv.includes('--fresh')) rmSync(PROFILE, { recursive: true, force: true });
  linkExtension();
  const server = await startServer({
    name: 'start-server',
    dataRoot: PROFILE,
    port,
    attempts: port ? 1 : 3,
    settings: SETTINGS,
    smokeTestDriver: false, // it would hide notification toasts; the extension is linked in, not a payload
  });
  const url = `${server.url}/?folder=${encodeURIComponent(SAMPLE_WORKSPACE)}`;
  const watcher = argv.includes('--watch')
    ? spawn(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--watch'], {
        cwd: REPO,
        stdio: 'inherit',
      })
    : undefined;
  console.log(`
  Loss Lens is running in VS Code at

      ${url}

  Open a .py file and hover a loss, or F1 → "Loss Lens: Open Playground" (or "Welcome: Open Walkthrough…").
  What the extension logs: View → Output → "Loss Lens". Server log: ${server.logFile}. Ctrl-C stops it.
`);
  let browser;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(`  No display here (DISPLAY is not set), so no browser opens: open the URL above in a browser on this
  machine, or from another one through an SSH tunnel: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>
`);
  } else if (!argv.includes('--no-open')) {
    browser = await launchChromium({ headless: false }).catch((e) =>
      console.error(`[start] no browser: ${e.message}`),
    );
    const page = await browser?.newPage({ viewport: null });
    await page?.goto(url);
  }
  const quit = async () => {
    watcher?.kill();
    await browser?.close().catch(() => {});
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
