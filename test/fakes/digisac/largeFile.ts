import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo, Socket } from 'net';

/**
 * A storage host serving one big file in 64 KB chunks, with or without Content-Length, and
 * recording how many bytes it managed to write before the client hung up: what a size cap that
 * stops reading (instead of downloading, then checking) must keep small.
 */
export class LargeFileServer {
	url = '';
	/** Bytes written to the socket for the last request. */
	bytesSent = 0;
	/** Whether the client closed the connection before the whole file was sent. */
	abortedEarly = false;
	requests = 0;
	private server?: Server;
	private whenClosed: Promise<void> = Promise.resolve();
	private readonly sockets = new Set<Socket>();

	constructor(
		readonly sizeBytes: number,
		readonly options: { contentLength: boolean } = { contentLength: false },
	) {}

	async start(): Promise<string> {
		this.server = createServer((_request, response) => {
			this.requests++;
			this.bytesSent = 0;
			this.abortedEarly = false;
			const chunk = Buffer.alloc(64 * 1024, 0x61);
			const headers: Record<string, string> = { 'content-type': 'video/mp4' };
			if (this.options.contentLength) headers['content-length'] = String(this.sizeBytes);
			response.writeHead(200, headers);
			let closed = false;
			let markClosed = () => {};
			this.whenClosed = new Promise<void>((resolve) => (markClosed = resolve));
			response.on('close', () => {
				closed = true;
				if (!response.writableFinished) this.abortedEarly = true;
				markClosed();
			});
			const pump = () => {
				while (!closed && this.bytesSent < this.sizeBytes) {
					const part = chunk.subarray(0, Math.min(chunk.length, this.sizeBytes - this.bytesSent));
					this.bytesSent += part.length;
					if (!response.write(part)) {
						response.once('drain', pump);
						return;
					}
				}
				if (!closed) response.end();
			};
			pump();
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	/** Resolves once the connection of the last request has closed. */
	async closed(): Promise<void> {
		await this.whenClosed;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}
}
