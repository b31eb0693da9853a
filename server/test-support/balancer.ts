import net from 'node:net';

/**
 * A load balancer for multi-instance tests: TCP, round-robin over the backends' ports, skipping one
 * that refuses the connection (killed, or stopped listening), as a balancer with passive health checks
 * does. Each new connection (so each reconnect of a websocket) may land on another instance.
 */
export interface Balancer {
  url: string;
  /** The backends' ports; change it as instances come and go. */
  ports: number[];
  close(): Promise<void>;
}

export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (left: number) => {
      if (left === 0 || b.ports.length === 0) return client.destroy();
      const port = b.ports[next++ % b.ports.length];
      const upstream = net.connect(port, '127.0.0.1');
      sockets.add(upstream);
      const refused = () => {
        sockets.delete(upstream);
        upstream.destroy();
        tryBackend(left - 1);
      };
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(ports.length + 3);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const b: Balancer = {
    url: `http://127.0.0.1:${port}`,
    ports,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return b;
}
