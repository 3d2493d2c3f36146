/**
 * A scripted HTTP server on 127.0.0.1 only (never another address), counting
 * hits per path, for the network-fault tests. Closed by the caller.
 */
import {createServer, type IncomingMessage, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface LocalServer {
  base: string;
  hits: Record<string, number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const handler = routes[path];
    if (handler) handler(req, res, hits[path]);
    else (res.statusCode = 404, res.end("not found"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
