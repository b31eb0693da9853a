/**
 * One person's network connection to the server: a TCP relay on a free loopback port. Cutting it
 * closes every open connection (websocket included) and refuses new ones, as a dropped Wi-Fi would.
 *
 * Why not only `context.setOffline(true)`: Chromium's offline emulation fails new requests and sets
 * navigator.onLine, but leaves open websockets connected; frames queued while "offline" can still
 * reach the server later (playwright#4910), which would make offline tests pass for the wrong reason.
 */
import net from 'node:net';

export class NetworkLink {
  private cutOff = false;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly relay: net.Server,
    readonly origin: string,
  ) {}

  static async open(target: { host: string; port: number }): Promise<NetworkLink> {
    let link: NetworkLink | undefined;
    const relay = net.createServer((client) => link!.accept(client, target));
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = relay.address() as net.AddressInfo;
    link = new NetworkLink(relay, `http://127.0.0.1:${port}`);
    return link;
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    if (this.cutOff) return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** The connection drops: open sockets are destroyed, new ones refused. */
  cut(): void {
    this.cutOff = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((r) => this.relay.close(() => r()));
  }
}
