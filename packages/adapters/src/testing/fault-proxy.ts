import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * Where a proxy or a server listens.
 *
 * @example
 * const server: Address = { host: '127.0.0.1', port: 5432 };
 * const proxy = await startFaultProxy(server);
 * const url = `postgres://postgres@${proxy.address.host}:${proxy.address.port}/test`;
 */
export interface Address {
  readonly host: string;
  readonly port: number;
}

/**
 * What the proxy does to traffic; change it at any time.
 *
 * @example
 * proxy.plan.silent = true; // the server goes quiet: calls should fail with store-timeout
 * proxy.plan.silent = false;
 * proxy.plan.cutAnswerTo = { marker: commitFunctionName, chance: 0.5 }; // lose half the commit answers
 */
export interface FaultPlan {
  /** Chance that an answer from the server is dropped and both sockets cut (the request was carried out). */
  cutAnswer: number;
  /** Chance that a request is dropped and both sockets cut before it reaches the server. */
  cutRequest: number;
  /** Hold all traffic (a silent server) until set back to false. */
  silent: boolean;
  /** Refuse new connections (closed at once). */
  refuse: boolean;
  /**
   * Chance that the answer to a request containing `marker` (e.g. the name of the commit function) is dropped and
   * both sockets cut after the server carried it out: a lost commit answer, aimed.
   */
  cutAnswerTo: { marker: string; chance: number } | null;
}

/**
 * A running {@link startFaultProxy}: where it listens, its plan (change it at any time), how many connections
 * it has cut.
 *
 * @example
 * const proxy: FaultProxy = await startFaultProxy({ host: '127.0.0.1', port: 6379 });
 * proxy.cutAll(); // every open connection dropped now
 * await proxy.close();
 */
export interface FaultProxy {
  readonly address: Address;
  readonly plan: FaultPlan;
  /** Connections cut so far. */
  readonly cuts: number;
  /** Cuts every open connection now. */
  cutAll(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a database server that cuts connections on purpose: before a request reaches the server,
 * or after the server carried it out but before its answer reaches the client (a lost commit answer), holds traffic
 * (a silent server) or refuses connections. `random` makes the cuts reproducible.
 *
 * @example
 * const proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 }, seededRandom(1).next);
 * proxy.plan.cutAnswer = 0.1; // one answer in ten is lost
 */
export async function startFaultProxy(
  target: Address,
  random: () => number = Math.random,
): Promise<FaultProxy> {
  const plan: FaultPlan = { cutAnswer: 0, cutRequest: 0, silent: false, refuse: false, cutAnswerTo: null };
  const pairs = new Set<[Socket, Socket]>();
  let cuts = 0;
  const cut = (pair: [Socket, Socket]) => {
    if (!pairs.delete(pair)) return;
    cuts++;
    for (const socket of pair) socket.destroy();
  };
  const server: Server = createServer((client) => {
    if (plan.refuse) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const held: [Socket, Buffer][] = [];
    const flushWhenSpoken = setInterval(() => {
      if (plan.silent || held.length === 0) return;
      for (const [to, data] of held.splice(0)) to.write(data);
    }, 5);
    const forward = (to: Socket, chance: () => number) => (data: Buffer) => {
      if (plan.silent || held.length > 0) {
        held.push([to, data]);
        return;
      }
      if (random() < chance()) {
        cut(pair);
        return;
      }
      to.write(data);
    };
    let aimed = false;
    const toServer = forward(upstream, () => plan.cutRequest);
    client.on('data', (data: Buffer) => {
      const target = plan.cutAnswerTo;
      if (target && data.includes(target.marker) && random() < target.chance) aimed = true;
      toServer(data);
    });
    upstream.on(
      'data',
      forward(client, () => (aimed ? 1 : plan.cutAnswer)),
    );
    const end = () => {
      clearInterval(flushWhenSpoken);
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: { host: '127.0.0.1', port },
    plan,
    get cuts() {
      return cuts;
    },
    cutAll() {
      for (const pair of [...pairs]) cut(pair);
    },
    close: async () => {
      for (const pair of [...pairs]) cut(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
