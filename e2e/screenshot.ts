/**
 * Drives a headless Chromium over the DevTools protocol: logs into n8n with a session cookie,
 * opens each workflow, waits until its nodes and their icons are drawn, and saves a screenshot.
 * Run by the n8n host's Node (22 or 24: a global WebSocket), started by e2e/lib/chromium.ts.
 *
 * Usage: node screenshot.js <cdpPort> <n8nUrl> <authCookie> <browserId> <iconPathPart> <workflowId>=<out.png>=<icons>...
 * Prints one JSON line per workflow: { workflowId, out, nodes: [{name, type}], icons: [{src, loaded}] },
 * after waiting (up to a minute) for at least <icons> of our icons to be drawn.
 */
import { writeFileSync } from 'fs';

interface CdpMessage {
	id?: number;
	method?: string;
	result?: Record<string, unknown>;
	error?: { message: string };
}

interface MinimalWebSocket {
	send(data: string): void;
	close(): void;
	addEventListener(type: 'message', listener: (event: { data: string }) => void): void;
	addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
}

const { WebSocket } = globalThis as unknown as {
	WebSocket?: new (url: string) => MinimalWebSocket;
};

async function connect(
	url: string,
): Promise<(method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>> {
	if (!WebSocket)
		throw new Error('this Node has no global WebSocket; run the script with Node 22 or later');
	const socket = new WebSocket(url);
	const pending = new Map<
		number,
		{ resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }
	>();
	let nextId = 0;
	socket.addEventListener('message', (event) => {
		const message = JSON.parse(event.data) as CdpMessage;
		if (message.id === undefined) return;
		const waiter = pending.get(message.id);
		pending.delete(message.id);
		if (message.error) waiter?.reject(new Error(message.error.message));
		else waiter?.resolve(message.result ?? {});
	});
	await new Promise<void>((resolve, reject) => {
		socket.addEventListener('open', () => resolve());
		socket.addEventListener('error', () =>
			reject(new Error(`cannot open the DevTools socket ${url}`)),
		);
	});
	return async (method, params = {}) =>
		await new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject });
			socket.send(JSON.stringify({ id, method, params }));
		});
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** What the page shows: canvas nodes and the icons of our package. */
const PROBE = (iconPathPart: string) => `(() => {
	const nodes = [...document.querySelectorAll('[data-node-type]')].map((el) => ({
		name: el.getAttribute('data-node-name') || '',
		type: el.getAttribute('data-node-type') || '',
	}));
	const icons = [...document.querySelectorAll('img')]
		.filter((img) => (img.currentSrc || img.src).includes(${JSON.stringify(iconPathPart)}))
		.map((img) => ({ src: img.currentSrc || img.src, loaded: img.complete && img.naturalWidth > 0 }));
	return JSON.stringify({ nodes, icons, title: document.title, path: location.pathname });
})()`;

interface PageState {
	nodes: Array<{ name: string; type: string }>;
	icons: Array<{ src: string; loaded: boolean }>;
	title: string;
	path: string;
}

async function shoot(
	send: (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>,
	n8nUrl: string,
	workflowId: string,
	out: string,
	iconPathPart: string,
	wantedIcons: number,
): Promise<PageState> {
	await send('Page.navigate', { url: `${n8nUrl}/workflow/${workflowId}` });
	const read = async (): Promise<PageState> => {
		const result = (await send('Runtime.evaluate', {
			expression: PROBE(iconPathPart),
			returnByValue: true,
		})) as { result?: { value?: string } };
		return result.result?.value
			? (JSON.parse(result.result.value) as PageState)
			: { nodes: [], icons: [], title: '', path: '' };
	};
	const deadline = Date.now() + 60_000;
	let state = await read();
	while (Date.now() < deadline) {
		await sleep(1000);
		state = await read();
		if (
			state.path.endsWith(workflowId) &&
			state.icons.filter((icon) => icon.loaded).length >= wantedIcons
		)
			break;
	}
	// Let the canvas finish its fit-to-view animation before the picture.
	await sleep(1500);
	state = await read();
	const shot = (await send('Page.captureScreenshot', { format: 'png' })) as { data: string };
	writeFileSync(out, Buffer.from(shot.data, 'base64'));
	return state;
}

async function main() {
	const [cdpPort, n8nUrl, cookie, browserId, iconPathPart, ...targets] = process.argv.slice(2);
	const target = (await (
		await fetch(`http://127.0.0.1:${cdpPort}/json/new?about:blank`, { method: 'PUT' })
	).json()) as {
		webSocketDebuggerUrl: string;
	};
	const send = await connect(target.webSocketDebuggerUrl);
	await send('Page.enable');
	await send('Network.enable');
	await send('Emulation.setDeviceMetricsOverride', {
		width: 1440,
		height: 900,
		deviceScaleFactor: 1,
		mobile: false,
	});
	await send('Network.setCookie', { name: 'n8n-auth', value: cookie, url: n8nUrl, httpOnly: true });
	// n8n ties the session to the browser id the login sent; the editor sends it from localStorage.
	await send('Page.addScriptToEvaluateOnNewDocument', {
		source: `localStorage.setItem('n8n-browserId', ${JSON.stringify(browserId)});`,
	});
	for (const spec of targets) {
		const [workflowId, out, wanted] = spec.split('=');
		const state = await shoot(send, n8nUrl, workflowId, out, iconPathPart, Number(wanted || 1));
		console.log(JSON.stringify({ workflowId, out, ...state }));
	}
	process.exit(0);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : String(error));
	process.exit(1);
});
