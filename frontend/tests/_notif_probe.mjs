import { launchBrowser, signIn, url } from '/work/wt-journeys/frontend/tests/lib.mjs';
const b = await launchBrowser(); const p = await b.newPage();
await signIn(p, 'citizen@hamkke.kr', 'hamkke-demo-1234');
const pending = new Set();
p.on('request', r => pending.add(r.url())); p.on('requestfinished', r => pending.delete(r.url())); p.on('requestfailed', r => pending.delete(r.url()));
const t = Date.now();
try { const r = await p.goto(url('/notifications'), { waitUntil: 'domcontentloaded', timeout: 20000 }); console.log('dcl', r.status(), Date.now() - t); } catch (e) { console.log('err', e.message.slice(0, 200)); }
await p.waitForTimeout(3000); console.log('pending', [...pending]);
console.log((await p.content()).length);
await b.close();
