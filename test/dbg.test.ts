import '/work/wt/fidelity/test/support/intacctSdkNodeCompat';
import dns from 'node:dns';
import * as IA from '@intacct/intacct-sdk';
import { startSandbox } from '/work/wt/fidelity/sandbox';
it('dbg', async () => {
	const orig = dns.lookup;
	(dns as any).lookup = (h: string, o: any, c: any) => { const cb = typeof o === 'function' ? o : c; if (/intacct\.com$/.test(h)) { if (o && o.all) cb(null, [{address:'127.0.0.1',family:4}]); else cb(null, '127.0.0.1', 4); return; } (orig as any)(h, o, c); };
	const sb = await startSandbox({ port: 0 });
	const config = new IA.ClientConfig();
	Object.assign(config, { senderId: sb.credentials.senderId, senderPassword: sb.credentials.senderPassword, companyId: sb.credentials.companyId, userId: sb.credentials.userId, userPassword: 'wrong', endpointUrl: `http://sandbox.intacct.com:${sb.port}/ia/xml/xmlgw.phtml` });
	const e = await IA.SessionProvider.factory(config).then(() => undefined, (x: unknown) => x);
	expect(String((e as Error).stack)).toBe('');
	await sb.close();
});
