import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

export type StubRecord = { type: 'CNAME' | 'MX' | 'TXT'; data: string };
/** Records by name (no trailing dot); the map is read at each query, so tests may change it. */
export type StubZone = Record<string, StubRecord[]>;

const answerOf = (name: string, record: StubRecord): packet.Answer => {
  if (record.type === 'MX')
    return { name, type: 'MX', ttl: 60, data: { preference: 10, exchange: record.data } };
  if (record.type === 'TXT') return { name, type: 'TXT', ttl: 60, data: [record.data] };
  return { name, type: 'CNAME', ttl: 60, data: record.data };
};

/**
 * A DNS server on 127.0.0.1 (UDP) answering from `zone`: NXDOMAIN for a name it does not have, an empty answer
 * for a type the name lacks, as a real authoritative server would.
 */
export const startDnsStub = async (zone: StubZone): Promise<{ server: string; socket: Socket }> => {
  const socket = createSocket('udp4');
  socket.on('message', (message, from) => {
    const query = packet.decode(message);
    const [question] = query.questions ?? [];
    const name = (question?.name ?? '').toLowerCase().replace(/\.$/, '');
    const records = zone[name];
    const answers = (records ?? [])
      .filter((r) => r.type === question?.type)
      .map((r) => answerOf(question?.name ?? name, r));
    const reply = packet.encode({
      id: query.id ?? 0,
      type: 'response',
      flags: packet.AUTHORITATIVE_ANSWER | (records ? 0 : 3),
      questions: query.questions ?? [],
      answers,
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${(socket.address() as AddressInfo).port}`, socket };
};
