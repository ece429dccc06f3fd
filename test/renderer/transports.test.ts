import { describe, expect, it, vi } from 'vitest';
import { createHttpApi, resolveToken } from '../../renderer/src/api/http-transport';
import { createIpcApi } from '../../renderer/src/api/ipc-transport';
import { ApiCallError } from '../../renderer/src/api/errors';

const recent = { files: [{ path: '/a/b.docx', name: 'b.docx', openedAt: '2026-01-01T00:00:00Z' }] };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('HTTP transport', () => {
  it('posts to /api/<method> with the token header and validates the answer', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, recent));
    const api = createHttpApi('tok123', fetchImpl as unknown as typeof fetch);
    await expect(api.call('recentFiles', {})).resolves.toEqual(recent);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/recentFiles');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Nianbao-Token']).toBe('tok123');
    expect(api.documentUrl('d1')).toBe('/document/d1?token=tok123');
  });

  it('turns a main-side error into an ApiCallError with its Chinese message', async () => {
    const api = createHttpApi('t', (async () => jsonResponse(404, { code: 'NOT_FOUND', message: '找不到该文档' })) as unknown as typeof fetch);
    await expect(api.call('getReview', { id: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '找不到该文档' });
  });

  it('rejects an answer that does not match the contract', async () => {
    const api = createHttpApi('t', (async () => jsonResponse(200, { files: 'nope' })) as unknown as typeof fetch);
    await expect(api.call('recentFiles', {})).rejects.toBeInstanceOf(ApiCallError);
  });

  it('refuses an invalid request before sending it', async () => {
    const fetchImpl = vi.fn();
    const api = createHttpApi('t', fetchImpl as unknown as typeof fetch);
    await expect(api.call('getReview', { id: '../etc' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('token', () => {
  it('takes the token from the URL and keeps it for the session', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(resolveToken('?token=abc', storage)).toBe('abc');
    expect(resolveToken('', storage)).toBe('abc');
  });
});

describe('IPC transport', () => {
  it('accepts bare results and {ok, value} envelopes, and maps {ok:false} to errors', async () => {
    const call = vi.fn().mockResolvedValueOnce(recent).mockResolvedValueOnce({ ok: true, value: recent }).mockResolvedValueOnce({ ok: false, error: { code: 'X', message: '出错了' } });
    const api = createIpcApi({ call, documentUrl: (id) => `app://document/${id}` });
    await expect(api.call('recentFiles', {})).resolves.toEqual(recent);
    await expect(api.call('recentFiles', {})).resolves.toEqual(recent);
    await expect(api.call('recentFiles', {})).rejects.toMatchObject({ code: 'X', message: '出错了' });
    expect(api.documentUrl('d')).toBe('app://document/d');
  });

  it('strips Electron\'s "Error invoking remote method" prefix', async () => {
    const api = createIpcApi({ call: async () => { throw new Error("Error invoking remote method 'nianbao:getReview': Error: 找不到该文档"); }, documentUrl: () => '' });
    await expect(api.call('getReview', { id: 'a' })).rejects.toMatchObject({ message: '找不到该文档' });
  });
});
