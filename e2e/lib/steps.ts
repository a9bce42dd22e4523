import { errorText, log } from './log';

/**
 * The e2e suite's report: every step is named, timed and recorded; a failure says which step
 * broke and why. Setup steps are fatal (nothing after them can run); checks are not, so one
 * broken node does not hide the results of the others.
 */
export interface StepResult {
	name: string;
	ok: boolean;
	seconds: number;
	error?: string;
	/** Why the step did not apply (e.g. that n8n version lacks what it needs); ok stays true. */
	skipped?: string;
	/** A check of a known, not yet fixed gap that failed as expected: reported, ok stays true. */
}

export class FatalStepError extends Error {
	constructor(
		readonly step: string,
		readonly reason: string,
	) {
		super(`step "${step}" failed: ${reason}`);
	}
}

export class Report {
	readonly results: StepResult[] = [];

	/** A setup step: on failure the suite stops. */
	async setup<T>(name: string, run: () => Promise<T>): Promise<T> {
		const outcome = await this.time(name, run);
		if (!outcome.ok) throw new FatalStepError(name, outcome.error);
		return outcome.value;
	}

	/** A check: on failure it is recorded and the suite goes on. */
	async check(name: string, run: () => Promise<unknown>): Promise<boolean> {
		const outcome = await this.time(name, run);
		return outcome.ok;
	}

	/** A check that does not apply here, recorded with the reason. */
	skip(name: string, reason: string): void {
		this.results.push({ name, ok: true, seconds: 0, skipped: reason });
		log(`- ${name}: skipped (${reason})`);
	}

	get failed(): StepResult[] {
		return this.results.filter((r) => !r.ok);
	}

	private async time<T>(
		name: string,
		run: () => Promise<T>,
	): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
		log(`▶ ${name}`);
		const started = Date.now();
		try {
			const value = await run();
			const seconds = (Date.now() - started) / 1000;
			this.results.push({ name, ok: true, seconds });
			log(`✔ ${name} (${seconds.toFixed(1)}s)`);
			return { ok: true, value };
		} catch (error) {
			const seconds = (Date.now() - started) / 1000;
			const message = errorText(error);
			this.results.push({ name, ok: false, seconds, error: message });
			log(`✘ ${name} (${seconds.toFixed(1)}s)\n${indent(message)}`);
			return { ok: false, error: message };
		}
	}

	summary(): string {
		const lines = this.results.map((r) =>
			r.skipped
				? `  skip ${r.name} (${r.skipped})`
				: `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)}s)`,
		);
		const failed = this.failed;
		if (failed.length) {
			lines.push('', `E2E FAILED: ${failed.length} step(s) broke:`);
			for (const f of failed) lines.push(`- ${f.name}:`, indent(f.error ?? '', '    '));
		}
		return lines.join('\n');
	}
}

export function indent(text: string, prefix = '    '): string {
	return text
		.split('\n')
		.map((line) => prefix + line)
		.join('\n');
}

/** Collects the problems a check finds, so it reports all of them at once. */
export class Problems {
	private readonly list: string[] = [];

	expect(condition: unknown, problem: string): boolean {
		if (!condition) this.list.push(problem);
		return Boolean(condition);
	}

	add(problem: string): void {
		this.list.push(problem);
	}

	throwIfAny(context = ''): void {
		if (this.list.length) throw new Error(`${context}${this.list.map((p) => `- ${p}`).join('\n')}`);
	}
}
