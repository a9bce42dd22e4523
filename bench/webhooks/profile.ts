import { readFileSync } from 'fs';

/** A V8 CPU profile as `node --cpu-prof` writes it. */
interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}>;
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

export interface FrameMatch {
	/** Shown in the report. */
	label: string;
	/** A frame counts when its URL contains `url` and (if given) its function name is `fn`. */
	url: string;
	fn?: string;
}

export interface ProfileSummary {
	file: string;
	/** Sampled milliseconds, all of them (idle included). */
	totalMs: number;
	idleMs: number;
	/** Self time by where the code lives: a package under node_modules, node:…, (gc), … */
	selfByPlace: Array<{ place: string; ms: number }>;
	/** Time spent inside each matched frame, its callees included (each sample counted once). */
	inclusive: Array<{ label: string; ms: number }>;
	/** The heaviest functions by self time. */
	topSelf: Array<{ frame: string; ms: number }>;
}

function placeOf(url: string, functionName: string): string {
	if (!url) return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(native)';
	if (url.includes('n8n-nodes-atendimento')) return 'n8n-nodes-atendimento (ours)';
	const modules = url.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const rest = url.slice(modules + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (url.startsWith('node:')) return 'node: (Node.js internals)';
	return url;
}

/** Sums a profile's samples by place, by matched frame (inclusive) and by function. */
export function summarizeProfile(file: string, matches: FrameMatch[]): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const selfUs = new Map<number, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const id = profile.samples[i];
		selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
	}
	const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
	const places = new Map<string, number>();
	const functions = new Map<string, number>();
	const inclusive = matches.map(() => 0);
	let idleUs = 0;
	for (const [id, us] of selfUs) {
		const node = byId.get(id);
		if (!node) continue;
		const { functionName, url, lineNumber } = node.callFrame;
		if (functionName === '(idle)') {
			idleUs += us;
			continue;
		}
		const place = placeOf(url, functionName);
		places.set(place, (places.get(place) ?? 0) + us);
		const frame = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
		functions.set(frame, (functions.get(frame) ?? 0) + us);
		const hit = matches.map(() => false);
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { callFrame } = byId.get(at)!;
			matches.forEach((match, index) => {
				if (callFrame.url.includes(match.url) && (!match.fn || callFrame.functionName === match.fn))
					hit[index] = true;
			});
		}
		hit.forEach((yes, index) => {
			if (yes) inclusive[index] += us;
		});
	}
	const ms = (us: number) => Math.round(us / 100) / 10;
	const sorted = (map: Map<string, number>, n: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
	return {
		file,
		totalMs: ms(totalUs),
		idleMs: ms(idleUs),
		selfByPlace: sorted(places, 15).map(([place, us]) => ({ place, ms: ms(us) })),
		inclusive: matches.map((match, index) => ({ label: match.label, ms: ms(inclusive[index]) })),
		topSelf: sorted(functions, 25).map(([frame, us]) => ({ frame, ms: ms(us) })),
	};
}
