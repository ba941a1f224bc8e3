// What Hono's Lambda adapter pays on its first request and Express never does: Node loads its
// fetch classes (Headers, Request, Response, from its bundled undici) on their first use.
export const handler = async () => {
  const headers = new Headers({ accept: 'application/json' });
  const request = new Request('https://api.parkbridge.dev/v1/parks', { headers });
  const response = new Response(JSON.stringify({ url: request.url }), { status: 200 });
  return { statusCode: response.status };
};
