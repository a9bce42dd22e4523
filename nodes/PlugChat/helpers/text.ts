/** A user's value quoted in an error message, cut short so a pasted blob cannot flood it. */
export function quoted(value: unknown, max = 60): string {
	const text = String(value ?? '');
	return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
