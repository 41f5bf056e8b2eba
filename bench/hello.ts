// Bare Fastify hello-world: the framework's ceiling on this machine, for reference.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2] ?? 3999), host: '127.0.0.1' });
console.log('ready');
