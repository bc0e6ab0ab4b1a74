import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from './sse';

function parse(chunks: string[]) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries };
}

describe('the event-stream parser', () => {
  const stream =
    'retry: 5000\n\nevent: ready\ndata: {}\n\n: ping\n\nevent: status\ndata: {"kind":"pod","id":"p1","status":"RUNNING"}\n\n';

  it("reads the API's stream: retry, ready, a status; comments skipped", () => {
    const { events, retries } = parse([stream]);
    expect(retries).toEqual([5000]);
    expect(events).toEqual([
      { event: 'ready', data: '{}', id: undefined },
      { event: 'status', data: '{"kind":"pod","id":"p1","status":"RUNNING"}', id: undefined },
    ]);
  });

  it('gives the same events however the bytes are split, one character at a time included', () => {
    const whole = parse([stream]).events;
    expect(parse([...stream]).events).toEqual(whole);
    for (let cut = 1; cut < stream.length; cut += 7) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]).events).toEqual(whole);
    }
  });

  it('takes \\r\\n and \\r line ends, even a \\r\\n split between chunks', () => {
    const crlf = stream.replaceAll('\n', '\r\n');
    expect(parse([crlf]).events).toEqual(parse([stream]).events);
    expect(parse(['event: ready\r', '\ndata: {}\r', '\n\r', '\n']).events).toEqual([
      { event: 'ready', data: '{}', id: undefined },
    ]);
    expect(parse(['event: ready\rdata: {}\r\r']).events).toEqual([{ event: 'ready', data: '{}', id: undefined }]);
  });

  it('joins data lines, names an unnamed event "message", and dispatches nothing without data', () => {
    expect(parse(['data: a\ndata: b\n\nevent: empty\n\n']).events).toEqual([
      { event: 'message', data: 'a\nb', id: undefined },
    ]);
  });

  it('holds an event back until its blank line arrives', () => {
    const events: SseEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    parser.push('event: status\ndata: {"id":"x"}\n');
    expect(events).toEqual([]);
    parser.push('\n');
    expect(events).toHaveLength(1);
  });
});
