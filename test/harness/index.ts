import type { IDataObject, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

export * from './credentials';
export * from './credentialTest';
export * from './engine';

/** A binary item as an earlier n8n node would have produced it. */
export function binaryInput(
	files: Record<string, { content: Buffer | string; fileName: string; mimeType: string }>,
	json: IDataObject = {},
): INodeExecutionData {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [name, file] of Object.entries(files)) {
		const buffer = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
		binary[name] = {
			data: buffer.toString('base64'),
			fileName: file.fileName,
			mimeType: file.mimeType,
			fileExtension: file.fileName.split('.').pop(),
			fileSize: `${buffer.length} B`,
		};
	}
	return { json, binary };
}

/** A resource locator value as the editor stores one typed in its "By ID" (or "By Number") mode. */
export function byId(value: unknown): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value: value as string };
}
