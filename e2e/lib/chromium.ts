import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { log } from './log';
import { freePort, waitFor } from './net';
import { runCommand, spawnManaged, stopProcess } from './processes';

function findChromium(): string | undefined {
	const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
	for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
		const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
		if (found) return found;
	}
	return undefined;
}

/** Debian's chromium, installed with apt-get when missing (CI runs as root with Debian's mirror). */
export async function ensureChromium(logFile: string): Promise<string> {
	const found = findChromium();
	if (found) return found;
	if (process.getuid?.() !== 0) {
		throw new Error(
			'Chromium is not installed and this is not root, so it cannot be installed here: run `sudo apt-get install -y chromium`',
		);
	}
	log("Installing Debian's chromium with apt-get (once; about 20 s)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommand('apt-get update', 'apt-get', ['update'], { env, logFile, timeoutMs: 300_000 });
	await runCommand(
		'apt-get install',
		'apt-get',
		['install', '-y', '--no-install-recommends', 'chromium'],
		{ env, logFile, timeoutMs: 600_000 },
	);
	const installed = findChromium();
	if (!installed) throw new Error('apt-get installed chromium but no chromium binary is on PATH');
	return installed;
}

export interface ScreenshotResult {
	workflowId: string;
	out: string;
	nodes: Array<{ name: string; type: string }>;
	icons: Array<{ src: string; loaded: boolean }>;
	title: string;
	path: string;
}

export interface ScreenshotTarget {
	workflowId: string;
	out: string;
	/** Waits (up to a minute) until at least this many of our icons are drawn. */
	expectedIcons: number;
}

/**
 * Opens each `/workflow/<id>` logged in (the n8n-auth cookie) in one headless Chromium and writes
 * PNGs. Returns what each page showed: the canvas nodes and our package's icons (loaded or not).
 */
export async function screenshotWorkflows(options: {
	chromium: string;
	/** A Node with a global WebSocket (22 or later) to run the DevTools script: n8n's own. */
	node: string;
	n8nUrl: string;
	authCookie: string;
	/** The browser-id header the login used (n8n binds the session to it). */
	browserId: string;
	targets: ScreenshotTarget[];
	logFile: string;
}): Promise<ScreenshotResult[]> {
	const cdpPort = await freePort();
	const profile = mkdtempSync(join(tmpdir(), 'atendimento-chromium-'));
	const browser = spawnManaged(
		'chromium',
		options.chromium,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
			`--user-data-dir=${profile}`,
			'--window-size=1440,900',
			`--remote-debugging-port=${cdpPort}`,
			'--remote-debugging-address=127.0.0.1',
			'about:blank',
		],
		{ logFile: options.logFile },
	);
	try {
		await waitFor('the Chromium DevTools endpoint', async () => {
			const response = await fetch(`http://127.0.0.1:${cdpPort}/json/version`);
			return response.ok ? true : undefined;
		});
		const output = await runCommand(
			'screenshot',
			options.node,
			[
				// The compiled e2e/screenshot.ts, next to this file's folder.
				join(__dirname, '..', 'screenshot.js'),
				String(cdpPort),
				options.n8nUrl,
				options.authCookie,
				options.browserId,
				'/icons/n8n-nodes-atendimento/',
				...options.targets.map((t) => `${t.workflowId}=${t.out}=${t.expectedIcons}`),
			],
			{ logFile: options.logFile, timeoutMs: 90_000 * Math.max(1, options.targets.length) },
		);
		return output
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as ScreenshotResult);
	} finally {
		await stopProcess(browser, 5000);
		rmSync(profile, { recursive: true, force: true });
	}
}
