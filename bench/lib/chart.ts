/** A small dependency-free SVG bar chart: one panel per workload, bars per node, a goal line. */
export interface Bar {
	label: string;
	value: number;
	color: string;
}

export interface Group {
	label: string;
	bars: Bar[];
}

export interface Panel {
	title: string;
	unit: string;
	groups: Group[];
	goal?: { value: number; label: string };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k times 4 (four grid steps) at or above `value`. */
function niceCeiling(value: number): number {
	const rawStep = value / 4;
	const magnitude = 10 ** Math.floor(Math.log10(rawStep));
	const step =
		[1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rawStep) ??
		rawStep;
	return step * 4;
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChart(panels: Panel[], legend: Bar[]): string {
	const panelWidth = 300;
	const panelHeight = 230;
	const top = 40;
	const bottom = 50;
	const left = 40;
	const width = panels.length * panelWidth + 20;
	const height = top + panelHeight + bottom + 30;
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
	];
	panels.forEach((panel, p) => {
		const x0 = 10 + p * panelWidth + left;
		const plotWidth = panelWidth - left - 20;
		const values = panel.groups.flatMap((g) => g.bars.map((b) => b.value)).filter(Number.isFinite);
		const maxValue = niceCeiling(Math.max(panel.goal?.value ?? 0, ...values, 1) * 1.1);
		const y = (v: number) => top + panelHeight - (v / maxValue) * panelHeight;
		parts.push(
			`<text x="${x0 + plotWidth / 2}" y="20" text-anchor="middle" font-size="12" font-weight="bold">${escape(panel.title)}</text>`,
		);
		parts.push(`<line x1="${x0}" y1="${top}" x2="${x0}" y2="${top + panelHeight}" stroke="#333"/>`);
		parts.push(
			`<line x1="${x0}" y1="${top + panelHeight}" x2="${x0 + plotWidth}" y2="${top + panelHeight}" stroke="#333"/>`,
		);
		for (let k = 0; k <= 4; k++) {
			const v = (maxValue / 4) * k;
			parts.push(
				`<text x="${x0 - 4}" y="${y(v) + 4}" text-anchor="end" fill="#555">${Number(v.toFixed(2))}</text>`,
			);
			parts.push(
				`<line x1="${x0}" y1="${y(v)}" x2="${x0 + plotWidth}" y2="${y(v)}" stroke="#eee"/>`,
			);
		}
		parts.push(`<text x="${x0 - 30}" y="${top - 8}" fill="#555">${escape(panel.unit)}</text>`);
		const groupWidth = plotWidth / Math.max(1, panel.groups.length);
		panel.groups.forEach((group, g) => {
			const barWidth = Math.min(22, (groupWidth - 10) / Math.max(1, group.bars.length));
			const gx = x0 + g * groupWidth + (groupWidth - barWidth * group.bars.length) / 2;
			group.bars.forEach((bar, b) => {
				if (!Number.isFinite(bar.value)) return;
				const bx = gx + b * barWidth;
				parts.push(
					`<rect x="${bx.toFixed(1)}" y="${y(bar.value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(top + panelHeight - y(bar.value)).toFixed(1)}" fill="${bar.color}"><title>${escape(`${group.label} ${bar.label}: ${bar.value}`)}</title></rect>`,
				);
				parts.push(
					`<text x="${(bx + barWidth / 2 - 1).toFixed(1)}" y="${(y(bar.value) - 3).toFixed(1)}" text-anchor="middle" font-size="9">${bar.value >= 10 ? bar.value.toFixed(0) : bar.value.toFixed(2)}</text>`,
				);
			});
			parts.push(
				`<text x="${(x0 + g * groupWidth + groupWidth / 2).toFixed(1)}" y="${top + panelHeight + 15}" text-anchor="middle">${escape(group.label)}</text>`,
			);
		});
		if (panel.goal) {
			const gy = y(panel.goal.value);
			parts.push(
				`<line x1="${x0}" y1="${gy}" x2="${x0 + plotWidth}" y2="${gy}" stroke="#d33" stroke-dasharray="5,3"/>`,
			);
			parts.push(
				`<text x="${x0 + plotWidth}" y="${gy - 4}" text-anchor="end" fill="#d33">${escape(panel.goal.label)}</text>`,
			);
		}
	});
	let lx = 20;
	const ly = top + panelHeight + bottom;
	for (const item of legend) {
		parts.push(`<rect x="${lx}" y="${ly}" width="10" height="10" fill="${item.color}"/>`);
		parts.push(`<text x="${lx + 14}" y="${ly + 9}">${escape(item.label)}</text>`);
		lx += 24 + item.label.length * 6;
	}
	parts.push('</svg>');
	return parts.join('\n');
}
